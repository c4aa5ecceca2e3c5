package awsv2_test

import (
	"context"
	"errors"
	"net/http"
	"syscall"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/awsv2"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/internal/testkit"
)

// fields are what Wrap and WithErrors must agree on.
type fields struct {
	Status                                int
	Code, Message, RequestID, TraceID, Op string
	Class                                 string
	Retryable, Service                    bool
}

// present stands for a non-empty id.
func present(id string) string {
	if id == "" {
		return ""
	}
	return "present"
}

func fieldsOf(t *testing.T, err error) fields {
	t.Helper()
	f := fields{Retryable: coserr.IsRetryable(err)}
	var se *coserr.ServiceError
	var ce *coserr.ClientError
	switch {
	case errors.As(err, &se):
		f.Service = true
		f.Status, f.Code, f.Message, f.Op = se.StatusCode, se.Code, se.Message, se.Method
		// Each response has ids of its own: whether they were read is compared.
		f.RequestID, f.TraceID, f.Class = present(se.RequestID), present(se.TraceID), se.Class().Name()
	case errors.As(err, &ce):
		f.Op = ce.Op
	default:
		t.Fatalf("%T is neither a ServiceError nor a ClientError: %v", err, err)
	}
	return f
}

// TestWrap: Wrap gives a client without WithErrors the answer WithErrors
// gives, less what only the body holds; the SDK's error stays inside.
func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		route coserrtest.Route
		op    func(context.Context, *s3.Client) error
	}{
		{"GET 404 NoSuchKey", coserrtest.Route{Code: coserr.NoSuchKey}, getObject},
		{"HEAD 404 without a body", coserrtest.Route{Code: coserr.NoSuchKey}, headObject},
		{"HEAD 403 without a body", coserrtest.Route{Code: coserr.AccessDenied}, headObject},
		{"503 SlowDown", coserrtest.Route{Code: coserr.SlowDown}, getObject},
		{"Copy: InternalError inside a 200",
			coserrtest.Route{Method: http.MethodPut, Code: coserr.InternalError, Options: []coserrtest.Option{coserrtest.WithStatus(200)}}, copyObject},
		{"a proxy's HTML 502", coserrtest.Route{Options: []coserrtest.Option{coserrtest.WithStatus(502),
			coserrtest.WithBody("text/html", proxyPage), coserrtest.WithRequestID(""), coserrtest.WithTraceID("")}}, getObject},
		{"the code only in x-cos-error-code", coserrtest.Route{Options: []coserrtest.Option{coserrtest.WithStatus(400),
			coserrtest.WithBody("application/json", `{"message":"VectorBucketName is invalid"}`),
			coserrtest.WithHeader("X-Cos-Error-Code", "ValidationException")}}, getObject},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := coserrtest.Server(t, tt.route)
			with, _ := newClient(t, srv.URL, false)
			withErr := tt.op(context.Background(), with)
			require.Error(t, withErr)
			plain, _ := newClient(t, srv.URL, true)
			plainErr := tt.op(context.Background(), plain)
			require.Error(t, plainErr)

			got := awsv2.Wrap(plainErr)
			var se *coserr.ServiceError
			require.ErrorAs(t, got, &se)
			assert.Nil(t, se.Body, "the SDK dropped the body")
			assert.ErrorIs(t, got, plainErr, "the SDK's error is inside")
			wantFields := fieldsOf(t, withErr)
			if wantFields.Code == "" && wantFields.Message != "" {
				wantFields.Message = "" // only the body had it, and the SDK kept no message it did not make up
			}
			gotFields := fieldsOf(t, got)
			if tt.name == "the code only in x-cos-error-code" {
				gotFields.Message = wantFields.Message // the SDK reads no JSON message
			}
			assert.Equal(t, wantFields, gotFields)
			assert.Same(t, got, awsv2.Wrap(got), "wrapping twice")
		})
	}
}

// TestWrapOthers: nil, a failure below HTTP, an error WithErrors made.
func TestWrapOthers(t *testing.T) {
	assert.NoError(t, awsv2.Wrap(nil))

	plain, _ := newClient(t, testkit.RefusedURL(t), true)
	err := awsv2.Wrap(getObject(context.Background(), plain))
	var ce *coserr.ClientError
	require.ErrorAs(t, err, &ce)
	assert.ErrorIs(t, err, syscall.ECONNREFUSED)
	assert.True(t, coserr.IsRetryable(err))

	srv := coserrtest.Server(t, coserrtest.Route{Code: coserr.NoSuchKey})
	with, _ := newClient(t, srv.URL, false)
	err = getObject(context.Background(), with)
	assert.Same(t, err, awsv2.Wrap(err))
	var nsk *types.NoSuchKey
	assert.ErrorAs(t, awsv2.Wrap(err), &nsk)
}

// TestS3HeaderIDs: ids COS sends only under their S3 names are the
// error's ids, with or without WithErrors, as coserr.FromResponse reads
// them.
func TestS3HeaderIDs(t *testing.T) {
	srv := coserrtest.Server(t, coserrtest.Route{Code: coserr.NoSuchKey, Options: []coserrtest.Option{
		coserrtest.WithRequestID(""), coserrtest.WithTraceID(""),
		coserrtest.WithHeader("X-Amz-Request-Id", "amz-req"), coserrtest.WithHeader("X-Amz-Id-2", "amz-id2"),
	}})
	for _, plain := range []bool{false, true} {
		client, _ := newClient(t, srv.URL, plain)
		err := getObject(context.Background(), client)
		if plain {
			err = awsv2.Wrap(err)
		}
		var se *coserr.ServiceError
		require.ErrorAs(t, err, &se, "plain=%v", plain)
		assert.Equal(t, "amz-req", se.RequestID, "plain=%v", plain)
		assert.Equal(t, "amz-id2", se.TraceID, "plain=%v", plain)
		assert.True(t, se.FromCOS())
	}
}
