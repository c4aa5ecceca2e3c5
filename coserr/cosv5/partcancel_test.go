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

// TestWrapPartCanceled: a context that ends while Object.Upload or
// Object.Download sends a part makes the SDK's worker return the
// context's error alone, which the call flattens into text ("UploadID U,
// part 2 failed to get resp content. error: context canceled"). Wrap
// gives errors.Is(err, context.Canceled), as aws-sdk-go-v2's and
// minio-go's errors for the same cancel do, and the error is not
// retryable.
func TestWrapPartCanceled(t *testing.T) {
	for _, download := range []bool{false, true} {
		name := "Upload"
		if download {
			name = "Download"
		}
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				w.Header().Set("X-Cos-Request-Id", "rid")
				switch {
				case r.Method == http.MethodPost && r.URL.Query().Has("uploads"):
					_, _ = io.WriteString(w, "<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>big.bin</Key><UploadId>U1</UploadId></InitiateMultipartUploadResult>")
				case r.Method == http.MethodHead:
					w.Header().Set("Content-Length", "2097152")
					w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
				case r.Method == http.MethodPut || r.Method == http.MethodGet:
					cancel() // the caller gives up while the part is on its way
					<-r.Context().Done()
				default:
					w.WriteHeader(http.StatusNoContent)
				}
			}))
			t.Cleanup(srv.Close)
			file := filepath.Join(t.TempDir(), "big.bin")
			c := newTransportClient(t, srv.URL, 1)
			var sdkErr error
			if download {
				_, sdkErr = c.Object.Download(ctx, "big.bin", file, &cos.MultiDownloadOptions{PartSize: 1, ThreadPoolSize: 1})
			} else {
				require.NoError(t, os.WriteFile(file, []byte(strings.Repeat("x", 2<<20)), 0o600))
				_, _, sdkErr = c.Object.Upload(ctx, "big.bin", file, &cos.MultiUploadOptions{PartSize: 1, ThreadPoolSize: 1})
			}
			require.Error(t, sdkErr)
			err := cosv5.Wrap(sdkErr)
			var ce *coserr.ClientError
			require.ErrorAs(t, err, &ce, "%v", err)
			assert.ErrorIs(t, err, context.Canceled, "%v", err)
			assert.False(t, coserr.IsRetryable(err))
			assert.ErrorIs(t, err, sdkErr)
		})
	}
}

// TestWrapPartContextText: the text of a part that failed because its
// context ended or its body was cut, and texts that only look like it.
func TestWrapPartContextText(t *testing.T) {
	tests := []struct {
		text      string
		want      error // nil: no context error
		retryable bool
	}{
		{"UploadID U, part 2 failed to get resp content. error: context canceled", context.Canceled, false},
		{"UploadID U, part 2 failed to get resp content. error: context deadline exceeded", context.DeadlineExceeded, true},
		{"part 3 get resp Content. error: context deadline exceeded", context.DeadlineExceeded, true},
		{"part 3 get resp Content. error: context canceled", context.Canceled, false},
		{"UploadID U, part 2 failed to get resp content. error: the upload: context canceled by the user", nil, false},
		{"report: context canceled", nil, false},
		{"part 3 get resp Content. error: io.Copy Failed, nread:1000, want:1048576, err:unexpected EOF", io.ErrUnexpectedEOF, true},
		{"part 3 get resp Content. error: io.Copy Failed, nread:1000, want:1048576, err:<nil>", io.ErrUnexpectedEOF, true},
		{"part 3 get resp Content. error: io.Copy Failed, nread:0, want:1048576, err:context canceled", context.Canceled, false},
		{"part 3 get resp Content. error: io.Copy Failed, nread:0, want:1048576, err:open /x: permission denied", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			in := errors.New(tt.text)
			err := cosv5.Wrap(in)
			var ce *coserr.ClientError
			require.ErrorAs(t, err, &ce)
			assert.ErrorIs(t, err, in)
			assert.Equal(t, tt.text, strings.TrimPrefix(err.Error(), "cos: "))
			if tt.want == nil {
				assert.NotErrorIs(t, err, context.Canceled)
				assert.NotErrorIs(t, err, context.DeadlineExceeded)
				assert.NotErrorIs(t, err, io.ErrUnexpectedEOF)
				return
			}
			assert.ErrorIs(t, err, tt.want)
			assert.Equal(t, tt.retryable, coserr.IsRetryable(err))
		})
	}
}

// TestWrapPartCut: a download part whose body ends before the part's
// length (the connection cut) fails in Object.Download with "io.Copy
// Failed, nread:N, want:M, err:unexpected EOF" after the SDK's own
// attempts. Wrap gives errors.Is(err, io.ErrUnexpectedEOF), retryable,
// as aws-sdk-go-v2's Downloader and minio-go give for the same cut.
func TestWrapPartCut(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Cos-Request-Id", "rid")
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		if r.Method == http.MethodHead {
			w.Header().Set("Content-Length", "2097152")
			return
		}
		w.Header().Set("Content-Length", "1048576")
		w.WriteHeader(http.StatusPartialContent)
		_, _ = w.Write(make([]byte, 1000))
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
	}))
	t.Cleanup(srv.Close)
	c := newTransportClient(t, srv.URL, 1)
	_, sdkErr := c.Object.Download(context.Background(), "big.bin", filepath.Join(t.TempDir(), "big.bin"),
		&cos.MultiDownloadOptions{PartSize: 1, ThreadPoolSize: 1})
	require.Error(t, sdkErr)
	err := cosv5.Wrap(sdkErr)
	var ce *coserr.ClientError
	require.ErrorAs(t, err, &ce, "%v", err)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF, "%v", err)
	assert.True(t, coserr.IsRetryable(err), "%v", err)
	assert.ErrorIs(t, err, sdkErr)
}
