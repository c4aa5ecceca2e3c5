package cosv5_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/cosv5"
	"github.com/cosgo/errcatalog/coserr/internal/testkit"
)

func TestWrapRefused(t *testing.T) {
	c, tr := newClient(t, testkit.RefusedURL(t), 2)
	_, sdkErr := c.Object.Get(context.Background(), "k.txt", nil)
	var re *cos.RetryError
	require.True(t, errors.As(sdkErr, &re), "SDK error %T; want *cos.RetryError", sdkErr)
	require.Len(t, re.Errs, 2)
	assert.Equal(t, int32(2), tr.calls.Load())

	err := cosv5.Wrap(sdkErr)
	var ce *coserr.ClientError
	require.True(t, errors.As(err, &ce), "Wrap(%T) = %T; want *coserr.ClientError", sdkErr, err)
	assert.ErrorIs(t, err, syscall.ECONNREFUSED)
	assert.True(t, ce.Retryable())
	assert.True(t, coserr.IsRetryable(err))
	assert.False(t, ce.Timeout())
	assert.Equal(t, http.MethodGet, ce.Op)
	assert.True(t, strings.HasPrefix(ce.URL, "http://127.0.0.1:") && strings.HasSuffix(ce.URL, "/k.txt"), "URL = %q; want the object's URL", ce.URL)
	assert.Contains(t, err.Error(), "connection refused")
	var got *cos.RetryError
	require.True(t, errors.As(err, &got))
	assert.Same(t, re, got)
	assertNoSecrets(t, err)
}

func TestWrapCanceled(t *testing.T) {
	srv := coserrtest.Server(t)
	c, _ := newClient(t, srv.URL, 2)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, sdkErr := c.Object.Get(ctx, "k.txt", nil)
	require.Error(t, sdkErr)
	assert.False(t, errors.Is(sdkErr, context.Canceled), "the SDK's RetryError hides the cause; Wrap is needed")

	err := cosv5.Wrap(sdkErr)
	var ce *coserr.ClientError
	require.True(t, errors.As(err, &ce), "Wrap(%T) = %T; want *coserr.ClientError", sdkErr, err)
	assert.ErrorIs(t, err, context.Canceled)
	assert.False(t, ce.Retryable())
	assert.False(t, coserr.IsRetryable(err))
	assert.Contains(t, err.Error(), "context canceled")
}

func TestWrapOthers(t *testing.T) {
	se := &coserr.ServiceError{StatusCode: 404, Code: "NoSuchKey"}
	ce := &coserr.ClientError{Op: "GET", Err: context.DeadlineExceeded}
	plain := errors.New("verification failed")
	errResp := &cos.ErrorResponse{Code: "NoSuchKey", Message: "gone", RequestID: "rid"}
	tests := []struct {
		name  string
		in    error
		check func(t *testing.T, got error)
	}{
		{"nil", nil, func(t *testing.T, got error) { assert.NoError(t, got) }},
		{"ServiceError as it is", se, func(t *testing.T, got error) { assert.Same(t, se, got) }},
		{"ClientError as it is", ce, func(t *testing.T, got error) { assert.Same(t, ce, got) }},
		{"plain error", plain, func(t *testing.T, got error) {
			var c *coserr.ClientError
			require.True(t, errors.As(got, &c))
			assert.Same(t, plain, c.Err)
			assert.False(t, c.Retryable())
		}},
		{"ErrorResponse without Response", errResp, func(t *testing.T, got error) {
			var s *coserr.ServiceError
			require.True(t, errors.As(got, &s))
			assert.Equal(t, "NoSuchKey", s.Code)
			assert.Equal(t, "rid", s.RequestID)
			assert.ErrorIs(t, got, coserr.NoSuchKey)
			assert.NotPanics(t, func() { _ = got.Error() })
		}},
		{"ErrorResponse without Request", &cos.ErrorResponse{Response: &http.Response{StatusCode: 500, Header: http.Header{"X-Cos-Request-Id": {"hdr"}}}}, func(t *testing.T, got error) {
			var s *coserr.ServiceError
			require.True(t, errors.As(got, &s))
			assert.Equal(t, 500, s.StatusCode)
			assert.Equal(t, "hdr", s.RequestID)
			assert.Empty(t, s.Method)
			assert.Empty(t, s.URL)
			assert.ErrorIs(t, got, coserr.ErrServer)
			assert.NotPanics(t, func() { _ = got.Error() })
		}},
		{"JSON code 0 is no code", &cos.ErrorResponse{Code: "0", Response: &http.Response{StatusCode: 429, Header: http.Header{"Content-Type": {"application/json"}}}}, func(t *testing.T, got error) {
			var s *coserr.ServiceError
			require.True(t, errors.As(got, &s))
			assert.Empty(t, s.Code)
			assert.ErrorIs(t, got, coserr.ErrThrottled)
		}},
		{"wrapped ErrorResponse", errors.Join(errors.New("upload"), errResp), func(t *testing.T, got error) {
			assert.ErrorIs(t, got, coserr.NoSuchKey)
			var er *cos.ErrorResponse
			require.True(t, errors.As(got, &er))
			assert.Same(t, errResp, er)
		}},
		{"typed nil ErrorResponse", (*cos.ErrorResponse)(nil), func(t *testing.T, got error) {
			var c *coserr.ClientError
			assert.True(t, errors.As(got, &c))
		}},
		{"RetryError with one attempt", &cos.RetryError{Errs: []error{context.DeadlineExceeded}}, func(t *testing.T, got error) {
			var c *coserr.ClientError
			require.True(t, errors.As(got, &c))
			assert.True(t, c.Timeout())
			assert.True(t, c.Retryable())
			assert.Equal(t, "cos: context deadline exceeded", got.Error())
		}},
		{"RetryError, last attempt decides", &cos.RetryError{Errs: []error{context.DeadlineExceeded, context.Canceled, nil}}, func(t *testing.T, got error) {
			assert.ErrorIs(t, got, context.Canceled)
			assert.False(t, coserr.IsRetryable(got))
			assert.Equal(t, "cos: context canceled (last of 3 attempts)", got.Error())
		}},
		{"empty RetryError", &cos.RetryError{}, func(t *testing.T, got error) {
			var c *coserr.ClientError
			assert.True(t, errors.As(got, &c))
			assert.NotPanics(t, func() { _ = got.Error() })
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, cosv5.Wrap(tt.in))
		})
	}
}
