package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExplain runs errgen explain on the real catalog, from the module
// root as go generate runs it.
func TestExplain(t *testing.T) {
	t.Chdir("../..")
	tests := []struct {
		args       []string
		wantExit   int
		wantStdout []string
		wantStderr string
	}{
		{[]string{"NoSuchBucket"}, 0, []string{"NoSuchBucket\n", "families:", "COS", "404", "NotFound", "retryable:", "no",
			"sources:      cos-api-7730-en, ", "The specified bucket does not exist.", "(errgen explain -urls shows where each source is.)"}, ""},
		{[]string{"SlowDown"}, 0, []string{"SlowDown\n", "503", "Throttled", "retryable:", "yes (503 in COS, 429 in CI"}, ""},
		{[]string{"InternalErrror"}, 0, []string{"alias of InternalError", "500", "Server"}, ""},
		{[]string{"RequestHasExpired"}, 0, []string{`COS sends it as:  AccessDenied with message "Request has expired"`, "clock skew:", "yes"}, ""},
		{[]string{"AccessDenied"}, 0, []string{`refined by:`, `Request has expired (coserr.RequestHasExpired) when the message is "Request has expired"`}, ""},
		{[]string{"Vector"}, 0, []string{"family Vector:", "ValidationException"}, ""},
		{[]string{"404"}, 0, []string{"HTTP 404 Not Found", "NoSuchBucket", "NoSuchKey", "class NotFound (coserr.ErrNotFound), retryable no"}, ""},
		{[]string{"503"}, 0, []string{"HTTP 503 Service Unavailable", "SlowDown", "ServiceUnavailable", "class Server (coserr.ErrServer), retryable yes"}, ""},
		{[]string{"502"}, 0, []string{"HTTP 502 Bad Gateway: no code of the catalog has this status", "status 502: class Server (coserr.ErrServer), retryable yes"}, ""},
		{[]string{"408"}, 0, []string{"HTTP 408 Request Timeout", "status 408: class BadRequest (coserr.ErrBadRequest), retryable yes"}, ""},
		{[]string{"304"}, 0, []string{"HTTP 304 Not Modified", "status 304: class PreconditionFailed (coserr.ErrPreconditionFailed), retryable no"}, ""},
		{[]string{"418"}, 0, []string{"HTTP 418", "status 418: class BadRequest"}, ""},
		{[]string{"200"}, 1, nil, "errgen: status 200 is not an error status; want 300..599\n"},
		{[]string{"NoSuchBuckt"}, 1, nil, "errgen: unknown code \"NoSuchBuckt\"; did you mean NoSuchBucket?\n"},
		{[]string{"nosuchbucket"}, 1, nil, "did you mean NoSuchBucket?\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runErrgen(append([]string{"explain"}, tt.args...)...)
			require.Equal(t, tt.wantExit, code, "stderr %q", stderr)
			for _, w := range tt.wantStdout {
				assert.Contains(t, stdout, w)
			}
			assert.NotContains(t, stdout, "https://", "a source URL without -urls")
			if tt.wantStderr == "" {
				assert.Empty(t, stderr)
			} else {
				assert.True(t, strings.HasSuffix(stderr, tt.wantStderr), "stderr = %q; want suffix %q", stderr, tt.wantStderr)
				assert.Empty(t, stdout)
			}
		})
	}
}

// TestExplainHints checks that explain shows a code's and a class's hints,
// their sources by id, and the sources' titles and URLs only with -urls.
func TestExplainHints(t *testing.T) {
	w := newWorkspace(t, testCatalog)
	code, stdout, stderr := runErrgen("-catalog", w.catalog, "explain", "NoSuchBucket")
	require.Equal(t, 0, code, "stderr %q", stderr)
	assert.Contains(t, stdout, "Likely causes, most likely first:\n\n 1. The bucket name lacks its APPID.\n    Fix: Use BucketName-APPID.\n    Sources: doc\n")
	assert.NotContains(t, stdout, "https://example.com/doc")

	code, stdout, stderr = runErrgen("-catalog", w.catalog, "-urls", "explain", "ErrNotFound")
	require.Equal(t, 0, code, "stderr %q", stderr)
	assert.Contains(t, stdout, " 1. Cause of NotFound.\n    Fix: Fix of NotFound.\n")
	assert.Contains(t, stdout, "Sources:\n  doc: A page.\n    https://example.com/doc\n")
}

func TestExplainBadCatalog(t *testing.T) {
	w := newWorkspace(t, badCatalog)
	code, stdout, stderr := runErrgen("-catalog", w.catalog, "explain", "NoSuchBucket")
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Equal(t, w.catalog+":14:5: missing key \"description\" in code\n"+w.catalog+":15:13: status 200 is outside 300..599\n"+
		w.catalog+":16:12: unknown class \"NotFund\"\n", stderr)
}

// TestExplainCatalog checks which catalog explain reads: a named file, or
// catalog.yaml when it exists, else the one built into errgen, as
// `go run .../cmd/errgen@latest explain` runs in any directory; a missing
// -catalog fails.
func TestExplainCatalog(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, stdout, stderr := runErrgen("explain", "SlowDown")
	require.Equal(t, 0, code, "stderr %q", stderr)
	assert.Contains(t, stdout, "SlowDown\n")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "catalog.yaml"), []byte(testCatalog), 0o644))
	code, _, stderr = runErrgen("explain", "SlowDown")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, `unknown code "SlowDown"`, "catalog.yaml in the directory comes first")

	code, stdout, stderr = runErrgen("-catalog", "missing.yaml", "explain", "SlowDown")
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "errgen: open missing.yaml")
}
