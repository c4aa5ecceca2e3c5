package cosv5_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/cosv5"
)

// TestWrapUploadPart: the SDK's Object.Upload and Object.Download flatten
// the error of a failed part into text ("UploadID U, part 3 failed to get
// resp content. error: PUT ...: 503 SlowDown(Message: ..., RequestId:
// ..., TraceId: ...)"), dropping the *cos.ErrorResponse. Wrap reads COS's
// answer back from that text: the part's status, code, message, ids,
// method and redacted URL, so that errors.Is, the class and
// coserr.IsRetryable judge COS's answer, not a failure below HTTP.
func TestWrapUploadPart(t *testing.T) {
	tests := []struct {
		code   *coserr.Code
		status int
	}{{coserr.SlowDown, 503}, {coserr.AccessDenied, 403}}
	for _, tt := range tests {
		for _, download := range []bool{false, true} {
			name := tt.code.Name() + "/Upload"
			if download {
				name = tt.code.Name() + "/Download"
			}
			t.Run(name, func(t *testing.T) {
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					_, _ = io.Copy(io.Discard, r.Body)
					w.Header().Set("X-Cos-Request-Id", "part-rid")
					w.Header().Set("X-Cos-Trace-Id", "part-tid")
					switch {
					case r.Method == http.MethodPost && r.URL.Query().Has("uploads"):
						_, _ = io.WriteString(w, "<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>big.bin</Key><UploadId>U1</UploadId></InitiateMultipartUploadResult>")
					case r.Method == http.MethodHead:
						w.Header().Set("Content-Length", "3145728")
						w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
					case r.Method == http.MethodPut || r.Method == http.MethodGet:
						w.Header().Set("Content-Type", "application/xml")
						w.WriteHeader(tt.status)
						_, _ = io.WriteString(w, "<Error><Code>"+tt.code.Name()+"</Code><Message>part failed</Message></Error>")
					default:
						w.WriteHeader(http.StatusNoContent)
					}
				}))
				t.Cleanup(srv.Close)
				file := filepath.Join(t.TempDir(), "big.bin")
				c := newTransportClient(t, srv.URL, 1)
				var sdkErr error
				if download {
					_, sdkErr = c.Object.Download(context.Background(), "big.bin", file, &cos.MultiDownloadOptions{PartSize: 1, ThreadPoolSize: 1})
				} else {
					require.NoError(t, os.WriteFile(file, []byte(strings.Repeat("x", 3<<20)), 0o600))
					_, _, sdkErr = c.Object.Upload(context.Background(), "big.bin", file, &cos.MultiUploadOptions{PartSize: 1, ThreadPoolSize: 1})
				}
				require.Error(t, sdkErr)
				var er *cos.ErrorResponse
				require.False(t, errors.As(sdkErr, &er), "the SDK keeps the ErrorResponse now: %v", sdkErr)

				err := cosv5.Wrap(sdkErr)
				var se *coserr.ServiceError
				require.ErrorAs(t, err, &se, "%v", err)
				assert.Equal(t, tt.status, se.StatusCode)
				assert.Equal(t, tt.code.Name(), se.Code)
				assert.Equal(t, "part failed", se.Message)
				assert.Equal(t, "part-rid", se.RequestID)
				assert.Equal(t, "part-tid", se.TraceID)
				assert.True(t, se.FromCOS())
				assert.Contains(t, se.URL, "/big.bin?") // a download part is a ranged GET
				assert.NotContains(t, se.URL, "q-signature=0123456789abcdef")
				assert.ErrorIs(t, err, tt.code)
				assert.ErrorIs(t, err, tt.code.Class())
				assert.Equal(t, tt.code.Retryable(), coserr.IsRetryable(err))
				assert.ErrorIs(t, err, sdkErr)
				assertNoSecrets(t, err)
			})
		}
	}
}

// TestWrapUploadPartText: what is and is not the SDK's text of a failed
// part.
func TestWrapUploadPartText(t *testing.T) {
	tests := []struct {
		name, text  string
		status      int
		code, msg   string
		rid, method string
	}{
		{"a bodiless 404", "part 2 get resp Content. error: GET http://b.cos.ap-guangzhou.myqcloud.com/k: 404 (Message: , RequestId: r1, TraceId: t1)",
			404, "", "", "r1", "GET"},
		{"a key and a message that look like the text around them",
			"UploadID U, part 1 failed to get resp content. error: PUT http://b/a: 403 x(Message: y, RequestId: z, TraceId: w)?partNumber=1: 503 SlowDown(Message: slow (Message: ok), RequestId: r2, TraceId: t2)",
			503, "SlowDown", "slow (Message: ok)", "r2", "PUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := cosv5.Wrap(errors.New(tt.text))
			var se *coserr.ServiceError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.status, se.StatusCode)
			assert.Equal(t, tt.code, se.Code)
			assert.Equal(t, tt.msg, se.Message)
			assert.Equal(t, tt.rid, se.RequestID)
			assert.Equal(t, tt.method, se.Method)
		})
	}
	for _, text := range []string{
		"UploadID U, part 1 failed to get resp content. error: Put \"http://b/k\": dial tcp 127.0.0.1:1: connect: connection refused",
		"part 1 get resp Content. error: unexpected EOF",
		"UploadID U, part 1 failed to get resp content. error: PUT http://b/k: 200 (Message: , RequestId: r, TraceId: t)",
		"part 1 of the report failed: PUT http://b/k: 503 SlowDown(Message: m, RequestId: r, TraceId: t)",
	} {
		var ce *coserr.ClientError
		assert.ErrorAs(t, cosv5.Wrap(errors.New(text)), &ce, text)
	}
}
