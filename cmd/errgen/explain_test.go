package main

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		{"NoSuchBucket", 0, []string{"NoSuchBucket\n", "404", "NotFound", "retryable:", "no", "The specified bucket does not exist."}, ""},
		{"SlowDown", 0, []string{"SlowDown\n", "503", "Throttled", "retryable:", "yes"}, ""},
		{"InternalErrror", 0, []string{"alias of InternalError", "500", "Server"}, ""},
		{"404", 0, []string{"HTTP 404 Not Found", "NoSuchBucket", "NoSuchKey"}, ""},
		{"503", 0, []string{"HTTP 503 Service Unavailable", "SlowDown", "ServiceUnavailable"}, ""},
		{"NoSuchBuckt", 1, nil, "errgen: unknown code \"NoSuchBuckt\"; did you mean NoSuchBucket?\n"},
		{"nosuchbucket", 1, nil, "did you mean NoSuchBucket?\n"},
		{"418", 1, nil, "errgen: no code in catalog.yaml has HTTP status 418\n"},
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
	bad := []byte("classes:\n  - name: NotFound\n    description: Nothing.\ncodes:\n  - code: NoSuchKey\n    status: 999\n    class: NotFund\n    retryable: false\n    description: Gone.\n")
	var stdout, stderr bytes.Buffer
	got := explain(&stdout, &stderr, "bad.yaml", bad, "NoSuchKey")
	assert.Equal(t, 1, got)
	assert.Empty(t, stdout.String())
	assert.Equal(t, "bad.yaml:6:13: status 999 outside 300..599\nbad.yaml:7:12: unknown class \"NotFund\"\n", stderr.String())
}

func TestExplainWriteError(t *testing.T) {
	src, err := os.ReadFile("../../catalog.yaml")
	require.NoError(t, err)
	var stderr bytes.Buffer
	got := explain(failWriter{}, &stderr, "catalog.yaml", src, "NoSuchKey")
	assert.Equal(t, 1, got)
	assert.Equal(t, "errgen: disk full\n", stderr.String())
}
