package statusrule_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cosgo/errcatalog/internal/statusrule"
)

func TestClass(t *testing.T) {
	tests := []struct {
		status int
		want   string
	}{
		{-1, ""}, {0, ""}, {200, ""}, {299, ""},
		{300, "Redirect"}, {301, "Redirect"}, {304, "PreconditionFailed"}, {307, "Redirect"}, {399, "Redirect"},
		{400, "BadRequest"}, {401, "Unauthenticated"}, {403, "AccessDenied"}, {404, "NotFound"},
		{405, "BadRequest"}, {408, "BadRequest"}, {409, "Conflict"}, {412, "PreconditionFailed"},
		{429, "Throttled"}, {451, "BadRequest"}, {499, "BadRequest"},
		{500, "Server"}, {501, "Server"}, {503, "Server"}, {599, "Server"},
		{600, ""}, {999, ""},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.status), func(t *testing.T) {
			assert.Equal(t, tt.want, statusrule.Class(tt.status))
		})
	}
}

// TestClasses: Classes lists exactly the names Class returns.
func TestClasses(t *testing.T) {
	seen := map[string]bool{}
	for st := -1; st <= 1000; st++ {
		if c := statusrule.Class(st); c != "" {
			seen[c] = true
			assert.Contains(t, statusrule.Classes, c, "Class(%d)", st)
		}
	}
	for _, c := range statusrule.Classes {
		assert.True(t, seen[c], "no status falls in %s", c)
	}
	assert.Len(t, statusrule.Classes, len(seen))
}

func TestRetryable(t *testing.T) {
	var got []int
	for st := -1; st <= 1000; st++ {
		if statusrule.Retryable(st) {
			got = append(got, st)
		}
	}
	var want []int
	want = append(want, 408, 429, 500)
	for st := 502; st < 600; st++ {
		want = append(want, st)
	}
	assert.Equal(t, want, got)
	assert.True(t, slices.IsSorted(got))
}

func TestReason(t *testing.T) {
	for st := 300; st < 600; st++ {
		assert.NotEmpty(t, statusrule.Reason(st), "Reason(%d)", st)
	}
	assert.Contains(t, statusrule.Reason(501), "not implemented")
	assert.Contains(t, statusrule.Reason(503), "5xx")
	assert.Contains(t, statusrule.Reason(404), "refused")
	assert.Equal(t, "not an error status", statusrule.Reason(200))
}
