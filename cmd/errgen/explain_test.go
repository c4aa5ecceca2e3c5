package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog"
)

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestExplain(t *testing.T) {
	src, err := os.ReadFile("../../catalog.yaml")
	require.NoError(t, err)
	tests := []struct {
		query      string
		wantExit   int
		wantStdout []string
		wantStderr string
	}{
		{"NoSuchBucket", 0, []string{"NoSuchBucket\n", "families:", "COS", "404", "NotFound", "retryable:", "no", "sources:", "https://", "The specified bucket does not exist."}, ""},
		{"SlowDown", 0, []string{"SlowDown\n", "503", "Throttled", "retryable:", "yes (503 in COS, 429 in CI"}, ""},
		{"InternalErrror", 0, []string{"alias of InternalError", "500", "Server"}, ""},
		{"RequestHasExpired", 0, []string{`COS sends it as:  AccessDenied with message "Request has expired"`, "clock skew:", "yes"}, ""},
		{"AccessDenied", 0, []string{`refined by:`, `Request has expired (coserr.RequestHasExpired) when the message is "Request has expired"`}, ""},
		{"Vector", 0, []string{"family Vector:", "ValidationException"}, ""},
		{"404", 0, []string{"HTTP 404 Not Found", "NoSuchBucket", "NoSuchKey", "class NotFound (coserr.ErrNotFound), retryable no"}, ""},
		{"503", 0, []string{"HTTP 503 Service Unavailable", "SlowDown", "ServiceUnavailable", "class Server (coserr.ErrServer), retryable yes"}, ""},
		{"502", 0, []string{"HTTP 502 Bad Gateway: no code of the catalog has this status", "status 502: class Server (coserr.ErrServer), retryable yes"}, ""},
		{"408", 0, []string{"HTTP 408 Request Timeout", "status 408: class BadRequest (coserr.ErrBadRequest), retryable yes"}, ""},
		{"304", 0, []string{"HTTP 304 Not Modified", "status 304: class PreconditionFailed (coserr.ErrPreconditionFailed), retryable no"}, ""},
		{"418", 0, []string{"HTTP 418", "status 418: class BadRequest"}, ""},
		{"200", 1, nil, "errgen: status 200 is not an error status; want 300..599\n"},
		{"NoSuchBuckt", 1, nil, "errgen: unknown code \"NoSuchBuckt\"; did you mean NoSuchBucket?\n"},
		{"nosuchbucket", 1, nil, "did you mean NoSuchBucket?\n"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := explain(&stdout, &stderr, "catalog.yaml", src, tt.query)
			require.Equal(t, tt.wantExit, got, "explain(%q) exit; stderr %q", tt.query, stderr.String())
			for _, w := range tt.wantStdout {
				assert.Contains(t, stdout.String(), w)
			}
			if tt.wantStderr == "" {
				assert.Empty(t, stderr.String())
			} else {
				assert.True(t, strings.HasSuffix(stderr.String(), tt.wantStderr), "stderr = %q; want suffix %q", stderr.String(), tt.wantStderr)
				assert.Empty(t, stdout.String())
			}
		})
	}
}

func TestExplainBadCatalog(t *testing.T) {
	bad := []byte(preamble + "codes:\n  - code: NoSuchKey\n    status: 999\n    class: NotFund\n    retryable: false\n" +
		"    families: [COS]\n    sources: [doc]\n    description: Gone.\n")
	var stdout, stderr bytes.Buffer
	got := explain(&stdout, &stderr, "bad.yaml", bad, "NoSuchKey")
	assert.Equal(t, 1, got)
	assert.Empty(t, stdout.String())
	assert.Equal(t, "bad.yaml:15:13: status 999 outside 300..599\nbad.yaml:16:12: unknown class \"NotFund\"\n", stderr.String())
}

func TestExplainWriteError(t *testing.T) {
	src, err := os.ReadFile("../../catalog.yaml")
	require.NoError(t, err)
	var stderr bytes.Buffer
	got := explain(failWriter{}, &stderr, "catalog.yaml", src, "NoSuchKey")
	assert.Equal(t, 1, got)
	assert.Equal(t, "errgen: disk full\n", stderr.String())
}

// TestExplainCatalog checks which catalog explain reads: a named file, or
// catalog.yaml when it exists, else the one built into errgen.
func TestExplainCatalog(t *testing.T) {
	dir := t.TempDir()
	local := filepath.Join(dir, "catalog.yaml")
	require.NoError(t, os.WriteFile(local, []byte(testCatalog), 0o644))
	missing := filepath.Join(dir, "missing.yaml")

	file, src, err := explainCatalog(local, false)
	require.NoError(t, err)
	assert.Equal(t, local, file)
	assert.Equal(t, testCatalog, string(src))

	file, src, err = explainCatalog(missing, false)
	require.NoError(t, err)
	assert.Equal(t, embeddedName, file)
	assert.Equal(t, errcatalog.CatalogYAML(), src)

	_, _, err = explainCatalog(missing, true)
	require.ErrorIs(t, err, os.ErrNotExist, "a catalog named on the command line must exist")
}

// TestExplainAnywhere runs explain in a directory without catalog.yaml,
// as `go run .../cmd/errgen@latest explain` runs: it must answer from the
// catalog built into errgen, and fail for a missing -catalog.
func TestExplainAnywhere(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, q := range []string{"SlowDown", "502"} {
		t.Run(q, func(t *testing.T) {
			code, stdout, stderr := runErrgen("explain", q)
			require.Equal(t, 0, code, "errgen explain %s: %s", q, stderr)
			assert.Contains(t, stdout, q)
			assert.Empty(t, stderr)
		})
	}
	code, stdout, stderr := runErrgen("-catalog", "missing.yaml", "explain", "SlowDown")
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "errgen: open missing.yaml")
}
