package awsv2_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// sdkDecides marks an attempt count without WithErrors that depends on
// the aws-sdk-go-v2 release: its retryer retries a 429 without a code on
// its own from v1.48.0 on, and not before.
const sdkDecides = -1

// TestRetryerAgrees: with WithErrors, the SDK's standard retryer retries
// exactly what coserr.IsRetryable says, also where the SDK alone would
// not (plain is the number of attempts the SDK makes without WithErrors).
func TestRetryerAgrees(t *testing.T) {
	noCode := func(status int) coserrtest.Route {
		return coserrtest.Route{Options: []coserrtest.Option{coserrtest.WithStatus(status)}}
	}
	tests := []struct {
		name      string
		route     coserrtest.Route
		op        func(context.Context, *s3.Client) error
		retryable bool
		plain     int32
	}{
		{"503 SlowDown", coserrtest.Route{Code: coserr.SlowDown}, getObject, true, 3},
		{"404 NoSuchKey", coserrtest.Route{Code: coserr.NoSuchKey}, getObject, false, 1},
		{"403 AccessDenied", coserrtest.Route{Code: coserr.AccessDenied}, getObject, false, 1},
		{"400 RequestTimeout", coserrtest.Route{Code: coserr.RequestTimeout}, getObject, true, 3},
		{"408 without a code", noCode(408), getObject, true, 3},
		{"429 without a code", noCode(429), getObject, true, sdkDecides},
		{"507 without a code: a 5xx the SDK does not retry", noCode(507), getObject, true, 1},
		{"520 without a code", noCode(520), getObject, true, 1},
		{"501 without a code", noCode(501), getObject, false, 1},
		{"500 NotImplemented: the code decides, not the status",
			coserrtest.Route{Code: coserr.NotImplemented, Options: []coserrtest.Option{coserrtest.WithStatus(500)}}, getObject, false, 3},
		{"HEAD 503 without a body", coserrtest.Route{Code: coserr.ServiceUnavailable}, headObject, true, 3},
		{"Copy: NoSuchKey inside a 200 is not retried",
			coserrtest.Route{Method: http.MethodPut, Code: coserr.NoSuchKey, Options: []coserrtest.Option{coserrtest.WithStatus(200)}}, copyObject, false, 3},
		{"Copy: SlowDown inside a 200 is",
			coserrtest.Route{Method: http.MethodPut, Code: coserr.SlowDown, Options: []coserrtest.Option{coserrtest.WithStatus(200)}}, copyObject, true, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := coserrtest.Server(t, tt.route)
			client, count := newClient(t, srv.URL, false)
			err := tt.op(context.Background(), client)
			require.Error(t, err)
			assert.Equal(t, tt.retryable, coserr.IsRetryable(err), "coserr.IsRetryable")
			want := int32(1)
			if tt.retryable {
				want = 3
			}
			assert.Equal(t, want, count.N.Load(), "attempts with WithErrors")

			plain, plainCount := newClient(t, srv.URL, true)
			require.Error(t, tt.op(context.Background(), plain))
			if tt.plain != sdkDecides {
				assert.Equal(t, tt.plain, plainCount.N.Load(), "attempts without WithErrors")
			}
		})
	}
}

// TestRetryThenSuccess: an error inside a 200 that is retryable is
// retried, and the retry's success is the operation's result.
func TestRetryThenSuccess(t *testing.T) {
	tests := []struct {
		name  string
		route coserrtest.Route
		op    func(context.Context, *s3.Client) error
	}{
		{"GET 503 SlowDown twice", coserrtest.Route{Code: coserr.SlowDown, Times: 2}, getObject},
		{"Copy: InternalError inside a 200 twice",
			coserrtest.Route{Method: http.MethodPut, Code: coserr.InternalError, Times: 2, Options: []coserrtest.Option{coserrtest.WithStatus(200)}}, copyObject},
		{"Complete: InternalError inside a 200 twice",
			coserrtest.Route{Method: http.MethodPost, Code: coserr.InternalError, Times: 2, Options: []coserrtest.Option{coserrtest.WithStatus(200)}}, completeUpload},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := coserrtest.Server(t, tt.route, coserrtest.Route{Handler: success})
			client, count := newClient(t, srv.URL, false)
			require.NoError(t, tt.op(context.Background(), client))
			assert.Equal(t, int32(3), count.N.Load())
		})
	}
}
