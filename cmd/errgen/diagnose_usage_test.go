package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Bad usage of errgen diagnose exits 2; an input over the limit is read
// from its end, and the report says so.
func TestDiagnoseUsageAndLimits(t *testing.T) {
	t.Run("a flag after diagnose", func(t *testing.T) {
		code, stdout, stderr := runErrgen("diagnose", "-x")
		assert.Equal(t, 2, code, stderr)
		assert.Contains(t, stderr, "usage: errgen")
		assert.Empty(t, stdout)
	})
	t.Run("a log longer than the limit, the error at its end", func(t *testing.T) {
		paste := strings.Repeat("INFO nothing to see here\n", (2*maxPaste)/25) +
			"ERROR cos: 404 NoSuchKey: The specified key does not exist. (request id NjU1ZjA2ZjBf)\n"
		code, stdout, stderr := runDiagnose(t, paste, true)
		require.Equal(t, 0, code, stderr)
		assert.Contains(t, stdout, "NoSuchKey [HTTP 404, class NotFound]")
		assert.Contains(t, stderr, "read its last")
	})
	t.Run("several errors", func(t *testing.T) {
		paste := "cos: 404 NoSuchKey: The specified key does not exist. (request id AAA1)\n" +
			"cos: 503 SlowDown: Please reduce your request rate. (request id BBB2)\n"
		code, stdout, stderr := runDiagnose(t, paste, false)
		require.Equal(t, 0, code, stderr)
		assert.Contains(t, stderr, "2 errors")
		assert.NotEmpty(t, stdout)
	})
}
