package main

import (
	"strings"
	"testing"
	"unicode/utf16"

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
	t.Run("explain of an empty name", func(t *testing.T) {
		for _, q := range []string{"", "  "} {
			code, stdout, stderr := runErrgen("explain", q)
			assert.Equal(t, 2, code, stderr)
			assert.Contains(t, stderr, "usage: errgen")
			assert.Empty(t, stdout)
		}
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

// A file saved as UTF-16 (Windows PowerShell's > writes UTF-16LE with a
// byte order mark) is read as its text.
func TestDiagnoseUTF16(t *testing.T) {
	const line = "cos: 404 NoSuchKey: The specified key does not exist. (request id NjA3)\r\n"
	encode := func(bigEndian, bom bool) string {
		var b []byte
		units := utf16.Encode([]rune(line))
		if bom {
			units = append([]uint16{0xfeff}, units...)
		}
		for _, u := range units {
			if bigEndian {
				b = append(b, byte(u>>8), byte(u))
			} else {
				b = append(b, byte(u), byte(u>>8))
			}
		}
		return string(b)
	}
	for _, tt := range []struct {
		name           string
		bigEndian, bom bool
	}{{"UTF-16LE with BOM", false, true}, {"UTF-16BE with BOM", true, true}, {"UTF-16LE without BOM", false, false}} {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runDiagnose(t, encode(tt.bigEndian, tt.bom), true)
			require.Equal(t, 0, code, stderr)
			assert.Contains(t, stdout, "NoSuchKey [HTTP 404, class NotFound]")
			assert.Contains(t, stdout, "Request id: NjA3\n")
		})
	}
}
