package coserr_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// responseError is an SDK's error for a response, shaped as
// aws-sdk-go-v2's *awshttp.ResponseError: a status, and a cause.
type responseError struct {
	status int
	err    error
}

func (e *responseError) Error() string       { return fmt.Sprintf("response error %d: %v", e.status, e.err) }
func (e *responseError) Unwrap() error       { return e.err }
func (e *responseError) HTTPStatusCode() int { return e.status }

// apiError is an SDK's error with a code, shaped as smithy.APIError.
type apiError struct{ code string }

func (e *apiError) Error() string     { return "api error " + e.code }
func (e *apiError) ErrorCode() string { return e.code }

// sdkError builds the chain an SDK returns for an error response:
// operation error -> response error (status) -> api error (code).
func sdkError(status int, code string) error {
	var cause error = errors.New("no body")
	if code != "" {
		cause = &apiError{code: code}
	}
	return fmt.Errorf("operation error S3: GetObject, %w", &responseError{status: status, err: cause})
}

// TestSDKErrors: an SDK's error that carries a response is a service error
// to FromTransport and IsRetryable, judged by its code when the catalog
// knows it, else by its status; one without a response is a transport
// failure.
func TestSDKErrors(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	tests := []struct {
		name      string
		err       error
		service   bool // FromTransport returns it unchanged
		retryable bool
	}{
		{"503 SlowDown", sdkError(503, "SlowDown"), true, true},
		{"404 NoSuchKey", sdkError(404, "NoSuchKey"), true, false},
		{"404 an SDK's made-up NotFound", sdkError(404, "NotFound"), true, false},
		{"400 RequestTimeout: the code's flag beats the status", sdkError(400, "RequestTimeout"), true, true},
		{"500 NotImplemented: the code's flag beats the status", sdkError(500, "NotImplemented"), true, false},
		{"alias InternalErrror", sdkError(400, "InternalErrror"), true, true},
		{"502 without a code", sdkError(502, ""), true, true},
		{"429 an unknown code", sdkError(429, "TooManyRequestsHere"), true, true},
		{"501 without a code", sdkError(501, ""), true, false},
		{"404 without a code", sdkError(404, ""), true, false},
		{"304 without a code", sdkError(304, ""), true, false},
		{"200 a failed read of a success: transport rules", &responseError{status: 200, err: syscall.ECONNRESET}, false, true},
		{"200 a body that does not decode", &responseError{status: 200, err: errors.New("xml: syntax error")}, false, false},
		{"a code without a response", &apiError{code: "SlowDown"}, false, false},
		{"refused, no response", fmt.Errorf("operation error: %w", refused), false, true},
		{"canceled inside a 503", &responseError{status: 503, err: context.Canceled}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.retryable, coserr.IsRetryable(tt.err), "IsRetryable")
			req, err := http.NewRequest(http.MethodGet, "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a", nil)
			require.NoError(t, err)
			got := coserr.FromTransport(req, tt.err)
			var ce *coserr.ClientError
			if tt.service {
				assert.Same(t, tt.err, got, "FromTransport returns a service error unchanged")
				assert.False(t, errors.As(got, &ce))
				return
			}
			require.ErrorAs(t, got, &ce)
			assert.Same(t, tt.err, ce.Err)
			assert.Equal(t, tt.retryable, coserr.IsRetryable(got), "IsRetryable of the ClientError")
		})
	}
}
