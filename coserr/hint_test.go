package coserr

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestHintsAreCopies checks that Hints gives the catalog's hints in order
// and that a caller changing the slice leaves the catalog alone.
func TestHintsAreCopies(t *testing.T) {
	want := []Hint{{Cause: "a", Fix: "b"}, {Cause: "c", Fix: "d", Message: "e"}}
	for name, hints := range map[string]func() []Hint{
		"code":  (&Code{hints: []Hint{{"a", "b", ""}, {"c", "d", "e"}}}).Hints,
		"class": (&Class{hints: []Hint{{"a", "b", ""}, {"c", "d", "e"}}}).Hints,
	} {
		t.Run(name, func(t *testing.T) {
			got := hints()
			assert.Equal(t, want, got)
			got[0].Cause = "changed"
			assert.Equal(t, want, hints())
		})
	}
}
