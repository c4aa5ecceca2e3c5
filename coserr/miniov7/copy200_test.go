package miniov7_test

import (
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/miniov7"
)

// TestWrapErrorInside200: an <Error> inside the 200 of PUT Object - Copy
// or Upload Part - Copy is an error through every minio call that sends
// one, not only through Client.CopyObject, which looks for it: Core's
// CopyObject and CopyObjectPart and Client.ComposeObject decode the 200 as
// a result and would report a failed copy as done, with an empty ETag.
// The error is the one coserr.FromResponse makes (status 200, the
// response's ids) and minio retries it as it retries a 500 InternalError;
// a code that is not retryable is sent once. ComposeObject then aborts
// its upload, where it went on to Complete it.
func TestWrapErrorInside200(t *testing.T) {
	src := minio.CopySrcOptions{Bucket: bucket, Object: "report.csv"}
	dst := minio.CopyDestOptions{Bucket: bucket, Object: "copy.csv"}
	calls := []struct {
		name string
		do   func(ctx context.Context, c *minio.Core) error
	}{
		{"Client.CopyObject", copyObject},
		{"Core.CopyObject", func(ctx context.Context, c *minio.Core) error {
			_, err := c.CopyObject(ctx, bucket, "report.csv", bucket, "copy.csv", nil, minio.CopySrcOptions{}, minio.PutObjectOptions{})
			return err
		}},
		{"Core.CopyObjectPart", func(ctx context.Context, c *minio.Core) error {
			_, err := c.CopyObjectPart(ctx, bucket, "report.csv", bucket, "copy.csv", "1700000000abcdef", 1, 0, -1, nil)
			return err
		}},
		{"Client.ComposeObject", func(ctx context.Context, c *minio.Core) error {
			_, err := c.ComposeObject(ctx, dst, src)
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
				srv := coserrtest.Server(t,
					coserrtest.Route{Method: http.MethodHead, Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
						w.Header().Set("Content-Length", "6")
						w.Header().Set("ETag", `"d41d8cd98f00b204e9800998ecf8427e"`)
						w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
					})},
					coserrtest.Route{Method: http.MethodPost, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
						if !r.URL.Query().Has("uploads") {
							t.Errorf("%s %s: minio went on after the failed copy", r.Method, r.URL)
						}
						_, _ = io.WriteString(w, "<InitiateMultipartUploadResult><Bucket>"+bucket+"</Bucket><Key>copy.csv</Key>"+
							"<UploadId>1700000000abcdef</UploadId></InitiateMultipartUploadResult>")
					})},
					coserrtest.Route{Method: http.MethodDelete, Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
						w.WriteHeader(http.StatusNoContent) // Abort Multipart Upload
					})},
					coserrtest.Route{Method: http.MethodPut, Code: cc.code, Options: []coserrtest.Option{
						coserrtest.WithStatus(http.StatusOK), coserrtest.WithRequestID("copy-rid"), coserrtest.WithTraceID("copy-tid")}},
				)
				client, count := newClient(t, srv.URL, false)
				err := miniov7.Wrap(call.do(context.Background(), client))
				require.Error(t, err, "a failed copy reported as done")
				var se *coserr.ServiceError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, http.StatusOK, se.StatusCode)
				assert.Equal(t, cc.code.Name(), se.Code)
				assert.Equal(t, "copy-rid", se.RequestID)
				assert.Equal(t, "copy-tid", se.TraceID)
				assert.Equal(t, http.MethodPut, se.Method)
				assert.True(t, se.FromCOS())
				assert.NotEmpty(t, se.Body)
				assert.ErrorIs(t, err, cc.code)
				assert.Equal(t, cc.code.Retryable(), coserr.IsRetryable(err))
				puts := count.N.Load()
				if call.name == "Client.ComposeObject" {
					puts -= 3 // its HEAD of the source, Initiate and Abort Multipart Upload
				}
				assert.Equal(t, cc.attempts, puts, "copies sent")
			})
		}
	}
}
