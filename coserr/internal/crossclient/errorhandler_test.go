package crossclient_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	retryablehttp "github.com/hashicorp/go-retryablehttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/internal/testkit"
)

// TestErrorHandlerGivesTheLastError: when the client gives up, the error
// is the last response's COS error, with its body, not a string.
func TestErrorHandlerGivesTheLastError(t *testing.T) {
	srv := coserrtest.Server(t, coserrtest.Route{Code: coserr.SlowDown})
	attempts := 0
	c := retryClient(&attempts)
	c.ErrorHandler = coserr.ErrorHandler
	resp, err := c.Get(srv.URL + "/report.csv?q-signature=s3cret")
	assert.Nil(t, resp)
	assert.Equal(t, 4, attempts)
	require.ErrorIs(t, err, coserr.SlowDown)
	var se *coserr.ServiceError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 503, se.StatusCode)
	assert.Equal(t, se.Header.Get("X-Cos-Request-Id"), se.RequestID)
	assert.NotEmpty(t, se.RequestID)
	assert.Contains(t, se.Origin(), "<Code>SlowDown</Code>")
	assert.Equal(t, srv.URL+"/report.csv?q-signature=REDACTED", se.URL)
	assert.NotContains(t, err.Error(), "s3cret")
	assert.True(t, coserr.IsRetryable(err), "worth sending again later; the client only ran out of attempts")
}

// TestErrorHandlerTransport: the last transport failure, its URL once.
func TestErrorHandlerTransport(t *testing.T) {
	addr := strings.TrimPrefix(testkit.RefusedURL(t), "http://")
	attempts := 0
	c := retryClient(&attempts)
	c.RetryMax = 1
	c.ErrorHandler = coserr.ErrorHandler
	_, err := c.Get("http://" + addr + "/k?sign=s3cret")
	assert.Equal(t, 2, attempts)
	var ce *coserr.ClientError
	require.ErrorAs(t, err, &ce)
	require.ErrorIs(t, err, syscall.ECONNREFUSED)
	assert.Equal(t, 1, strings.Count(err.Error(), "http://"+addr), "Error() = %q; want the URL once", err)
	assert.NotContains(t, err.Error(), "s3cret")
	assert.Equal(t, "GET", ce.Op)
}

// TestErrorHandlerCanceled: the context that ended the retries is the
// cause, and the last response's body is closed.
func TestErrorHandlerCanceled(t *testing.T) {
	srv := coserrtest.Server(t, coserrtest.Route{Code: coserr.SlowDown})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	attempts := 0
	c := retryClient(&attempts)
	c.ErrorHandler = coserr.ErrorHandler
	c.RequestLogHook = func(retryablehttp.Logger, *http.Request, int) {
		if attempts++; attempts == 2 {
			cancel()
		}
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/k", nil)
	require.NoError(t, err)
	_, err = c.Do(req)
	require.ErrorIs(t, err, context.Canceled)
	assert.False(t, coserr.IsRetryable(err))
}

// copyServer answers PUT Object - Copy (and Complete Multipart Upload)
// with a 200 whose body is, first, an <Error> document fails times, then
// the result.
func copyServer(t *testing.T, code *coserr.Code, fails int64) (*http.Client, string, *atomic.Int64) {
	var n atomic.Int64
	ok := `<?xml version='1.0' encoding='utf-8' ?><CopyObjectResult><ETag>"d41d8cd98f00b204e9800998ecf8427e"</ETag></CopyObjectResult>`
	srv := coserrtest.Server(t, coserrtest.Route{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := ok
		if n.Add(1) <= fails {
			body = "<?xml version='1.0' encoding='utf-8' ?><Error><Code>" + code.Name() + "</Code><Message>x</Message><RequestId>r1</RequestId></Error>"
		}
		w.Header().Set("X-Cos-Request-Id", "r1")
		_, _ = io.WriteString(w, body) // 200
	})})
	return srv.Client(), srv.URL, &n
}

// TestCheckRetryErrorInside200: an error inside the 200 of a copy or a
// Complete Multipart Upload is retried when retryable, and given back as
// the error when the client gives up; every other 2xx body stays unread.
func TestCheckRetryErrorInside200(t *testing.T) {
	tests := []struct {
		name     string
		method   string
		path     string
		header   string
		code     *coserr.Code
		fails    int64
		attempts int64
		want     *coserr.Code // nil: success
	}{
		{"copy, InternalError once", http.MethodPut, "/dst.jpg", "x-cos-copy-source", coserr.InternalError, 1, 2, nil},
		{"copy, S3 header", http.MethodPut, "/dst.jpg", "x-amz-copy-source", coserr.SlowDown, 2, 3, nil},
		{"copy, SlowDown until giving up", http.MethodPut, "/dst.jpg", "x-cos-copy-source", coserr.SlowDown, 100, 4, coserr.SlowDown},
		{"copy, AccessDenied is not retried", http.MethodPut, "/dst.jpg", "x-cos-copy-source", coserr.AccessDenied, 100, 1, coserr.AccessDenied},
		{"complete multipart, InternalError once", http.MethodPost, "/big.bin?uploadId=1585130821cbb7df1d1", "", coserr.InternalError, 1, 2, nil},
		{"a plain PUT's 200 body is not read", http.MethodPut, "/dst.jpg", "", coserr.InternalError, 100, 1, nil},
		{"an upload part's 200 body is not read", http.MethodPut, "/big.bin?partNumber=1&uploadId=1", "", coserr.InternalError, 100, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hc, base, n := copyServer(t, tt.code, tt.fails)
			var attempts int
			c := retryClient(&attempts)
			c.HTTPClient = hc
			c.ErrorHandler = coserr.ErrorHandler
			req, err := retryablehttp.NewRequest(tt.method, base+tt.path, nil)
			require.NoError(t, err)
			if tt.header != "" {
				req.Header.Set(tt.header, "src-1250000000.cos.ap-guangzhou.myqcloud.com/src.jpg")
			}
			resp, err := c.Do(req)
			assert.Equal(t, tt.attempts, n.Load(), "requests")
			if tt.want != nil {
				// Without ErrorHandler, the client's own error wraps it.
				n.Store(0)
				c.ErrorHandler = nil
				_, plain := c.Do(req)
				require.ErrorIs(t, plain, tt.want)
			}
			if tt.want != nil {
				require.ErrorIs(t, err, tt.want)
				var se *coserr.ServiceError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, 200, se.StatusCode)
				return
			}
			require.NoError(t, err)
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.True(t, strings.HasPrefix(string(body), "<?xml"), "the body is whole: %q", body)
		})
	}
}
