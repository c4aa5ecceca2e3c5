package cosv5_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/cosv5"
)

// TestTransportErrorInside200: with Transport, an <Error> inside the 200
// of PUT Object - Copy, Upload Part - Copy and Complete Multipart Upload
// gives the error coserr.FromResponse makes of that response, whatever
// the SDK call: the ids from the headers when the body has none, the
// redacted URL, FromCOS. Through Complete Multipart Upload the SDK keeps
// only the body, as numbers in its error text, and the response's ids,
// URL and headers were lost, so FromCOS said a proxy had answered. The
// SDK retries a retryable code as any 5xx, and sends any other once.
func TestTransportErrorInside200(t *testing.T) {
	calls := []struct {
		name, method string
		do           func(ctx context.Context, c *cos.Client) error
	}{
		{"Copy", http.MethodPut, func(ctx context.Context, c *cos.Client) error {
			_, _, err := c.Object.Copy(ctx, "copy.csv", "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/report.csv", nil)
			return err
		}},
		{"CopyPart", http.MethodPut, func(ctx context.Context, c *cos.Client) error {
			_, _, err := c.Object.CopyPart(ctx, "copy.csv", "1700000000abcdef", 1, "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/report.csv", nil)
			return err
		}},
		{"CompleteMultipartUpload", http.MethodPost, func(ctx context.Context, c *cos.Client) error {
			_, _, err := c.Object.CompleteMultipartUpload(ctx, "copy.csv", "1700000000abcdef",
				&cos.CompleteMultipartUploadOptions{Parts: []cos.Object{{PartNumber: 1, ETag: `"etag"`}}})
			return err
		}},
	}
	codes := []struct {
		code     *coserr.Code
		attempts int32
	}{{coserr.InternalError, 3}, {coserr.AccessDenied, 1}}
	for _, call := range calls {
		for _, cc := range codes {
			t.Run(call.name+"/"+cc.code.Name(), func(t *testing.T) {
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					_, _ = io.Copy(io.Discard, r.Body)
					w.Header().Set("Content-Type", "application/xml")
					w.Header().Set("Server", "tencent-cos")
					w.Header().Set("X-Cos-Request-Id", "inside200-rid")
					w.Header().Set("X-Cos-Trace-Id", "inside200-tid")
					_, _ = io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n<Error><Code>"+cc.code.Name()+"</Code><Message>failed</Message></Error>")
				}))
				t.Cleanup(srv.Close)
				u, err := url.Parse(srv.URL)
				require.NoError(t, err)
				count := &presign{next: &cos.AuthorizationTransport{SecretID: secretID, SecretKey: secretKey, SessionToken: token}}
				c := cos.NewClient(&cos.BaseURL{BucketURL: u}, &http.Client{Transport: cosv5.Transport(count)})
				c.Conf.RetryOpt.Count = 3
				err = cosv5.Wrap(call.do(context.Background(), c))
				var se *coserr.ServiceError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, http.StatusOK, se.StatusCode)
				assert.Equal(t, cc.code.Name(), se.Code)
				assert.Equal(t, "failed", se.Message)
				assert.Equal(t, "inside200-rid", se.RequestID)
				assert.Equal(t, "inside200-tid", se.TraceID)
				assert.Equal(t, call.method, se.Method)
				assert.Contains(t, se.URL, "/copy.csv")
				assert.True(t, se.FromCOS())
				assert.NotNil(t, se.Header)
				assert.ErrorIs(t, err, cc.code)
				assert.Equal(t, cc.code.Retryable(), coserr.IsRetryable(err))
				assert.Equal(t, cc.attempts, count.calls.Load(), "requests sent")
				assertNoSecrets(t, err)
			})
		}
	}
}

// TestWrapErrorInside200WithoutTransport: without Transport, the SDK's
// *cos.ErrorResponse for an <Error> inside the 200 of PUT Object - Copy or
// Upload Part - Copy still holds the response's headers: the request and
// trace ids come from them when the body has none, as for any other
// status, and FromCOS holds.
func TestWrapErrorInside200WithoutTransport(t *testing.T) {
	calls := map[string]func(ctx context.Context, c *cos.Client) error{
		"Copy": func(ctx context.Context, c *cos.Client) error {
			_, _, err := c.Object.Copy(ctx, "copy.csv", "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/report.csv", nil)
			return err
		},
		"CopyPart": func(ctx context.Context, c *cos.Client) error {
			_, _, err := c.Object.CopyPart(ctx, "copy.csv", "1700000000abcdef", 1, "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/report.csv", nil)
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				w.Header().Set("Content-Type", "application/xml")
				w.Header().Set("X-Cos-Request-Id", "plain-rid")
				w.Header().Set("X-Cos-Trace-Id", "plain-tid")
				_, _ = io.WriteString(w, "<Error><Code>InternalError</Code><Message>failed</Message></Error>")
			}))
			t.Cleanup(srv.Close)
			c, _ := newClient(t, srv.URL, 1)
			err := cosv5.Wrap(call(context.Background(), c))
			var se *coserr.ServiceError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, http.StatusOK, se.StatusCode)
			assert.Equal(t, "InternalError", se.Code)
			assert.Equal(t, "plain-rid", se.RequestID)
			assert.Equal(t, "plain-tid", se.TraceID)
			assert.True(t, se.FromCOS())
			assert.True(t, coserr.IsRetryable(err))
		})
	}
}
