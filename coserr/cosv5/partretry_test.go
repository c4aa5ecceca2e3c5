package cosv5_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/cosv5"
)

// TestPartAttempts: how often the SDK's multipart calls send a failed
// part, as Wrap's doc says; coserr.IsRetryable does not reach their
// loops. Object.Upload sends a part up to three times whatever its
// error, a 404 NoSuchUpload too; Object.MultiCopy stops at a 4xx, and at
// an <Error> inside a 200 that is not retryable, which Transport shows
// it as 490.
func TestPartAttempts(t *testing.T) {
	tests := []struct {
		name      string
		copy      bool
		status    int
		code      *coserr.Code
		sent      int32
		retryable bool
	}{
		{"Upload: 404 NoSuchUpload", false, 404, coserr.NoSuchUpload, 3, false},
		{"Upload: 503 SlowDown", false, 503, coserr.SlowDown, 3, true},
		{"MultiCopy: 404 NoSuchUpload", true, 404, coserr.NoSuchUpload, 1, false},
		{"MultiCopy: AccessDenied inside a 200", true, 200, coserr.AccessDenied, 1, false},
		{"MultiCopy: InternalError inside a 200", true, 200, coserr.InternalError, 3, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var parts atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				w.Header().Set("X-Cos-Request-Id", "part-rid")
				switch {
				case r.Method == http.MethodHead:
					w.Header().Set("Content-Length", "6442450944") // 6 GiB: MultiCopy copies in parts
				case r.Method == http.MethodPost && r.URL.Query().Has("uploads"):
					_, _ = io.WriteString(w, "<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId>U1</UploadId></InitiateMultipartUploadResult>")
				case r.Method == http.MethodPut && r.URL.Query().Get("partNumber") == "1":
					parts.Add(1)
					w.WriteHeader(tt.status)
					_, _ = io.WriteString(w, "<Error><Code>"+tt.code.Name()+"</Code><Message>part failed</Message></Error>")
				case r.Method == http.MethodPut:
					w.Header().Set("ETag", `"e"`)
					_, _ = io.WriteString(w, `<CopyPartResult><ETag>"e"</ETag></CopyPartResult>`)
				default:
					w.WriteHeader(http.StatusNoContent)
				}
			}))
			t.Cleanup(srv.Close)
			c := newTransportClient(t, srv.URL, 1)
			c.Conf.EnableCRC = false // the stand-in sends no CRC for the parts that succeed
			var sdkErr error
			if tt.copy {
				u, err := url.Parse(srv.URL)
				require.NoError(t, err)
				_, _, sdkErr = c.Object.MultiCopy(context.Background(), "copy.bin", u.Host+"/big.bin", &cos.MultiCopyOptions{PartSize: 4096})
			} else {
				file := filepath.Join(t.TempDir(), "big.bin")
				require.NoError(t, os.WriteFile(file, []byte(strings.Repeat("x", 2<<20)), 0o600))
				_, _, sdkErr = c.Object.Upload(context.Background(), "big.bin", file, &cos.MultiUploadOptions{PartSize: 1})
			}
			err := cosv5.Wrap(sdkErr)
			assert.ErrorIs(t, err, tt.code)
			assert.Equal(t, tt.retryable, coserr.IsRetryable(err))
			assert.Equal(t, tt.sent, parts.Load(), "requests for the failed part")
		})
	}
}
