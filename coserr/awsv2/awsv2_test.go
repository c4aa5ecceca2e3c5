package awsv2_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"syscall"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/awsv2"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/internal/testkit"
)

const proxyPage = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>"

// TestWithErrors: every operation's error is a *coserr.ServiceError with
// every field of the response, the SDK's own errors inside it.
func TestWithErrors(t *testing.T) {
	tests := []struct {
		name     string
		routes   []coserrtest.Route
		op       func(context.Context, *s3.Client) error
		attempts int32
		status   int
		code     string
		method   string
		is       error
		body     bool       // Body kept
		sdk      func() any // a pointer to an SDK error type errors.As must find
		check    func(*testing.T, *coserr.ServiceError)
	}{
		{
			name: "GET 404 NoSuchKey", routes: []coserrtest.Route{{Code: coserr.NoSuchKey}},
			op: getObject, attempts: 1, status: 404, code: "NoSuchKey", method: http.MethodGet, is: coserr.NoSuchKey, body: true,
			sdk: func() any { return new(*types.NoSuchKey) },
			check: func(t *testing.T, se *coserr.ServiceError) {
				assert.NotEmpty(t, se.Resource)
				assert.Equal(t, se.Resource, se.Digest()["Resource"])
				assert.Contains(t, se.Origin(), "<Code>NoSuchKey</Code>")
				assert.Contains(t, se.URL, "/"+bucket+"/report.csv")
			},
		},
		{
			name: "HEAD 404 without a body: no made-up code", routes: []coserrtest.Route{{Code: coserr.NoSuchKey}},
			op: headObject, attempts: 1, status: 404, code: "", method: http.MethodHead, is: coserr.ErrNotFound,
			sdk: func() any { return new(*types.NotFound) },
			check: func(t *testing.T, se *coserr.ServiceError) {
				assert.Empty(t, se.Message)
				assert.NotErrorIs(t, se, coserr.NoSuchKey)
			},
		},
		{
			name: "403 AccessDenied naming SignatureDoesNotMatch",
			routes: []coserrtest.Route{{Code: coserr.AccessDenied, Options: []coserrtest.Option{
				coserrtest.WithMessage("SignatureDoesNotMatch")}}},
			op: getObject, attempts: 1, status: 403, code: "AccessDenied", method: http.MethodGet, is: coserr.AccessDenied, body: true,
			check: func(t *testing.T, se *coserr.ServiceError) { assert.Equal(t, "SignatureDoesNotMatch", se.Message) },
		},
		{
			name: "503 SlowDown until the retryer gives up", routes: []coserrtest.Route{{Code: coserr.SlowDown}},
			op: getObject, attempts: 3, status: 503, code: "SlowDown", method: http.MethodGet, is: coserr.ErrThrottled, body: true,
			sdk: func() any { return new(*retry.MaxAttemptsError) },
		},
		{
			name: "PUT Object - Copy with an error inside a 200, retried",
			routes: []coserrtest.Route{{Method: http.MethodPut, Code: coserr.InternalError, Options: []coserrtest.Option{
				coserrtest.WithStatus(http.StatusOK)}}},
			op: copyObject, attempts: 3, status: 200, code: "InternalError", method: http.MethodPut, is: coserr.InternalError, body: true,
		},
		{
			name: "Complete Multipart Upload with an error inside a 200",
			routes: []coserrtest.Route{{Method: http.MethodPost, Code: coserr.NoSuchUpload, Options: []coserrtest.Option{
				coserrtest.WithStatus(http.StatusOK)}}},
			op: completeUpload, attempts: 1, status: 200, code: "NoSuchUpload", method: http.MethodPost, is: coserr.NoSuchUpload, body: true,
		},
		{
			name: "a proxy's HTML 502 without ids",
			routes: []coserrtest.Route{{Options: []coserrtest.Option{coserrtest.WithStatus(502),
				coserrtest.WithBody("text/html", proxyPage), coserrtest.WithRequestID(""), coserrtest.WithTraceID("")}}},
			op: getObject, attempts: 3, status: 502, code: "", method: http.MethodGet, is: coserr.ErrServer, body: true,
			check: func(t *testing.T, se *coserr.ServiceError) {
				assert.Equal(t, proxyPage, se.Origin())
				assert.Empty(t, se.RequestID)
				assert.Empty(t, se.TraceID)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := coserrtest.Server(t, tt.routes...)
			client, count := newClient(t, srv.URL, false)
			err := tt.op(context.Background(), client)
			require.Error(t, err)
			assert.Equal(t, tt.attempts, count.N.Load(), "attempts")

			var se *coserr.ServiceError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.status, se.StatusCode)
			assert.Equal(t, tt.code, se.Code)
			assert.Equal(t, tt.method, se.Method)
			assert.ErrorIs(t, err, tt.is)
			assert.Equal(t, tt.body, se.Body != nil, "Body kept")
			if tt.status != 502 {
				assert.Equal(t, se.Header.Get("X-Cos-Request-Id"), se.RequestID)
				assert.NotEmpty(t, se.RequestID)
				assert.Equal(t, se.Header.Get("X-Cos-Trace-Id"), se.TraceID)
			}
			assert.Equal(t, se.Retryable(), coserr.IsRetryable(err))

			var op *smithy.OperationError
			require.ErrorAs(t, err, &op)
			assert.Equal(t, "S3", op.Service())
			if tt.status >= 300 {
				var ae smithy.APIError // the SDK's error is inside, whatever code it made up
				assert.True(t, errors.As(err, &ae) || tt.code == "", "smithy.APIError")
			}
			if tt.sdk != nil {
				assert.ErrorAs(t, err, tt.sdk())
			}
			if tt.check != nil {
				tt.check(t, se)
			}
			assertNoSecrets(t, err)
		})
	}
}

// TestWithErrorsRefused: a failure below HTTP is a *coserr.ClientError,
// retried as coserr says, with the SDK's error inside.
func TestWithErrorsRefused(t *testing.T) {
	client, count := newClient(t, testkit.RefusedURL(t), false)
	err := getObject(context.Background(), client)
	var ce *coserr.ClientError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, int32(3), count.N.Load())
	assert.Equal(t, http.MethodGet, ce.Op)
	assert.ErrorIs(t, err, syscall.ECONNREFUSED)
	assert.True(t, coserr.IsRetryable(err))
	var op *smithy.OperationError
	require.ErrorAs(t, err, &op)
	assert.Equal(t, "GetObject", op.Operation())
}

// TestWithErrorsSuccess: successes pass untouched, their bodies unread
// by the middleware, also after retries and with the middleware added
// twice.
func TestWithErrorsSuccess(t *testing.T) {
	srv := coserrtest.Server(t, coserrtest.Route{Method: http.MethodGet, Code: coserr.SlowDown, Times: 2},
		coserrtest.Route{Method: http.MethodGet, Handler: coserrtest.OK}, coserrtest.Route{Method: http.MethodPut, Handler: copyResult})
	client, count := newClient(t, srv.URL, false)
	require.NoError(t, getObject(context.Background(), client))
	assert.Equal(t, int32(3), count.N.Load())

	_, err := client.CopyObject(context.Background(), &s3.CopyObjectInput{
		Bucket: aws.String(bucket), Key: aws.String("copy.csv"), CopySource: aws.String(bucket + "/a"),
	}, awsv2.WithErrors)
	require.NoError(t, err)
}

// copyResult answers a PUT Object - Copy that succeeds, as COS does.
var copyResult = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/xml")
	_, _ = io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<CopyObjectResult><ETag>"0cc175b9c0f1b6a831c399e269772661"</ETag><LastModified>2026-12-01T08:00:00.000Z</LastModified></CopyObjectResult>`)
})

// success answers a copy or Complete Multipart Upload with its result
// document, which older SDKs require of the 200, and any other request
// with coserrtest.OK.
var success = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodPut:
		copyResult(w, r)
	case http.MethodPost:
		w.Header().Set("Content-Type", "application/xml")
		_, _ = io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
			`<CompleteMultipartUploadResult><Bucket>`+bucket+`</Bucket><Key>big.bin</Key><ETag>"abc-2"</ETag></CompleteMultipartUploadResult>`)
	default:
		coserrtest.OK.ServeHTTP(w, r)
	}
})

// assertNoSecrets checks every text form of err for the credentials.
func assertNoSecrets(t *testing.T, err error) {
	t.Helper()
	var buf bytes.Buffer
	var se *coserr.ServiceError
	texts := []string{err.Error()}
	if errors.As(err, &se) {
		slog.New(slog.NewJSONHandler(&buf, nil)).Error("failed", "err", se)
		texts = append(texts, se.URL, buf.String())
	}
	for _, s := range texts {
		assert.NotContains(t, s, secretKey)
		assert.NotContains(t, s, accessKey)
	}
}

// TestWithErrorsTruncatedBody: a body cut short keeps what was read and
// both failures: the read's and the SDK's.
func TestWithErrorsTruncatedBody(t *testing.T) {
	srv := coserrtest.Server(t, coserrtest.Route{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, "<Error><Code>SlowDown</Code><Message>Please reduce")
	})})
	client, count := newClient(t, srv.URL, false)
	err := getObject(context.Background(), client)
	var se *coserr.ServiceError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "SlowDown", se.Code)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	var de *smithy.DeserializationError
	assert.ErrorAs(t, err, &de, "the SDK's error is kept beside the read's")
	assert.Equal(t, int32(3), count.N.Load())
}
