package miniov7_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/internal/testkit"
	"github.com/cosgo/errcatalog/coserr/miniov7"
)

const proxyPage = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"

// ids numbers the request ids of the tests' responses.
var ids atomic.Int32

// want is what Wrap must give, with and without Transport.
type want struct {
	code, message, requestID, traceID string
	body                              bool
}

// TestWrap: with Transport, Wrap gives every field of the response; without
// it, what minio kept, never a code minio made up.
func TestWrap(t *testing.T) {
	const rid, tid = "RID", "TID" // each run's own ids, as COS gives every response its own
	tests := []struct {
		name          string
		route         coserrtest.Route
		op            func(context.Context, *minio.Core) error
		status        int
		method        string
		attempts      int32
		with, without want
	}{
		{"GET 404 NoSuchKey", coserrtest.Route{Code: coserr.NoSuchKey}, getObject, 404, http.MethodGet, 1,
			want{"NoSuchKey", coserr.NoSuchKey.Description(), rid, tid, true},
			want{"NoSuchKey", coserr.NoSuchKey.Description(), rid, "", false}},
		{"HEAD 404 without a body", coserrtest.Route{Code: coserr.NoSuchKey}, statObject, 404, http.MethodHead, 1,
			want{"", "", rid, tid, false},
			want{"", "", "", "", false}},
		{"HEAD 403 without a body", coserrtest.Route{Code: coserr.AccessDenied}, statObject, 403, http.MethodHead, 1,
			want{"", "", rid, tid, false},
			want{"", "", "", "", false}},
		{"403 AccessDenied naming SignatureDoesNotMatch",
			coserrtest.Route{Code: coserr.AccessDenied, Options: []coserrtest.Option{coserrtest.WithMessage("SignatureDoesNotMatch")}},
			getObject, 403, http.MethodGet, 1,
			want{"AccessDenied", "SignatureDoesNotMatch", rid, tid, true},
			want{"AccessDenied", "SignatureDoesNotMatch", rid, "", false}},
		{"503 SlowDown until minio gives up", coserrtest.Route{Code: coserr.SlowDown}, getObject, 503, http.MethodGet, 3,
			want{"SlowDown", coserr.SlowDown.Description(), rid, tid, true},
			want{"SlowDown", coserr.SlowDown.Description(), rid, "", false}},
		{"Copy: InternalError inside a 200",
			coserrtest.Route{Method: http.MethodPut, Code: coserr.InternalError, Options: []coserrtest.Option{coserrtest.WithStatus(200)}},
			copyObject, 200, http.MethodPut, 3,
			want{"InternalError", coserr.InternalError.Description(), rid, tid, true},
			want{"InternalError", coserr.InternalError.Description(), rid, "", false}},
		{"a proxy's HTML 502", coserrtest.Route{Options: []coserrtest.Option{coserrtest.WithStatus(502),
			coserrtest.WithBody("text/html", proxyPage), coserrtest.WithRequestID(""), coserrtest.WithTraceID("")}},
			getObject, 502, http.MethodGet, 3,
			want{"", "", "", "", true},
			want{"", "", "", "", true}}, // minio's message is the page
		{"JSON with the code in x-cos-error-code", coserrtest.Route{Options: []coserrtest.Option{coserrtest.WithStatus(400),
			coserrtest.WithBody("application/json", `{"message":"VectorBucketName is invalid"}`),
			coserrtest.WithHeader("X-Cos-Error-Code", "ValidationException")}},
			getObject, 400, http.MethodGet, 1,
			want{"ValidationException", "VectorBucketName is invalid", rid, tid, true},
			want{"", "VectorBucketName is invalid", "", "", true}}, // minio drops the header
	}
	for _, tt := range tests {
		for _, plain := range []bool{false, true} {
			name, w := tt.name, tt.with
			if plain {
				name, w = tt.name+" without Transport", tt.without
			}
			t.Run(name, func(t *testing.T) {
				id := fmt.Sprintf("NjU0ZjYxYjZf%04d", ids.Add(1))
				route := tt.route
				if !strings.Contains(tt.name, "proxy") {
					route.Options = append(slices.Clone(route.Options), coserrtest.WithRequestID(id), coserrtest.WithTraceID("trace-"+id))
				}
				for _, f := range []*string{&w.requestID, &w.traceID} {
					*f = strings.NewReplacer(rid, id, tid, "trace-"+id).Replace(*f)
				}
				srv := coserrtest.Server(t, route)
				client, count := newClient(t, srv.URL, plain)
				sdkErr := tt.op(context.Background(), client)
				require.Error(t, sdkErr)
				assert.Equal(t, tt.attempts, count.N.Load(), "attempts")

				err := miniov7.Wrap(sdkErr)
				var se *coserr.ServiceError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, tt.status, se.StatusCode)
				got := want{se.Code, se.Message, se.RequestID, se.TraceID, se.Body != nil}
				assert.Equal(t, w, got)
				if !plain {
					assert.Equal(t, tt.method, se.Method)
					assert.Contains(t, se.URL, "/"+bucket+"/")
					assert.NotNil(t, se.Header)
					assert.Empty(t, se.Header.Get("X-Amz-Request-Id"), "Header as COS sent it")
				}
				var er minio.ErrorResponse
				require.ErrorAs(t, err, &er, "minio's error is inside")
				assert.Equal(t, minio.ToErrorResponse(sdkErr), er)
				assert.Equal(t, se.Retryable(), coserr.IsRetryable(err))
				assert.Same(t, err, miniov7.Wrap(err))
			})
		}
	}
}

// TestWrapOthers: nil, failures below HTTP, errors minio makes itself,
// and minio's made-up codes in hand-built errors.
func TestWrapOthers(t *testing.T) {
	assert.NoError(t, miniov7.Wrap(nil))

	client, _ := newClient(t, testkit.RefusedURL(t), false)
	err := miniov7.Wrap(getObject(context.Background(), client))
	var ce *coserr.ClientError
	require.ErrorAs(t, err, &ce)
	assert.ErrorIs(t, err, syscall.ECONNREFUSED)
	assert.Equal(t, http.MethodGet, ce.Op)
	assert.True(t, coserr.IsRetryable(err))

	err = minio.ErrorResponse{StatusCode: 400, Code: "InvalidArgument", Message: "Empty http response.", RequestID: "minio"}
	require.ErrorAs(t, miniov7.Wrap(err), &ce, "an error minio made before sending")
	assert.False(t, coserr.IsRetryable(miniov7.Wrap(err)))

	tests := []struct {
		name string
		in   minio.ErrorResponse
		code string
		msg  string
		is   error
	}{
		{"made-up NoSuchBucket", minio.ErrorResponse{StatusCode: 404, Code: "NoSuchBucket", Message: "The specified bucket does not exist.", BucketName: "b"}, "", "", coserr.ErrNotFound},
		{"made-up Conflict", minio.ErrorResponse{StatusCode: 409, Code: "Conflict", Message: "Bucket not empty."}, "", "", coserr.ErrConflict},
		{"COS's own NoSuchKey", minio.ErrorResponse{StatusCode: 404, Code: "NoSuchKey", Message: "The specified key does not exist.", Resource: "b/k", RequestID: "r"}, "NoSuchKey", "The specified key does not exist.", coserr.NoSuchKey},
		{"a bodiless 503", minio.ErrorResponse{StatusCode: 503, Code: "503 Service Unavailable", Message: "503 Service Unavailable"}, "", "", coserr.ErrServer},
		{"a bodiless 429", minio.ErrorResponse{StatusCode: 429, Code: "429 Too Many Requests", Message: "429 Too Many Requests"}, "", "", coserr.ErrThrottled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := miniov7.Wrap(errors.Join(errors.New("stat"), tt.in))
			var se *coserr.ServiceError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.code, se.Code)
			assert.Equal(t, tt.msg, se.Message)
			assert.Nil(t, se.Body)
			assert.ErrorIs(t, err, tt.is)
		})
	}
}
