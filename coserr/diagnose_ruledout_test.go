package coserr_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cosgo/errcatalog/coserr"
)

// A likely cause the response itself rules out is said to be ruled out:
// the catalog's first cause of a code-less 5xx or 3xx is a proxy that
// answered without COS's request id, which a response with one is not.
func TestDiagnoseRuledOutByResponse(t *testing.T) {
	tests := []struct {
		name   string
		status int
		header http.Header
		want   string // "" for no such finding
	}{
		{"a HEAD's 503 with COS's request id", 503, http.Header{"X-Cos-Request-Id": {"NjU1ZjA2ZjBf"}},
			`the response carries COS's request id "NjU1ZjA2ZjBf", so COS answered it: a proxy answering without one is not the cause`},
		{"a 301 with COS's request id", 301, http.Header{"X-Cos-Request-Id": {"NjU1ZjA2ZjBf"}},
			`the response carries COS's request id "NjU1ZjA2ZjBf", so COS answered it`},
		{"a proxy's 502", 502, http.Header{"Server": {"nginx"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := coserr.Diagnose(coserr.Parse(tt.status, tt.header, nil), nil)
			joined := strings.Join(d.Findings, "\n")
			if tt.want == "" {
				assert.NotContains(t, joined, "so COS answered it")
				return
			}
			assert.Contains(t, joined, tt.want)
		})
	}
}
