package cosv5_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/cosv5"
)

// Credentials the test client signs with; none may reach an error.
const (
	secretID  = "AKIDexampleSecretIdDoNotLeak"
	secretKey = "exampleSecretKeyDoNotLeak"
	token     = "exampleSessionTokenDoNotLeak"
)

// presign adds the query a presigned COS URL carries, so that the test can
// check that Wrap redacts it.
type presign struct {
	next  http.RoundTripper
	calls atomic.Int32
}

func (p *presign) RoundTrip(req *http.Request) (*http.Response, error) {
	p.calls.Add(1)
	r := req.Clone(req.Context())
	q := r.URL.RawQuery
	if q != "" {
		q += "&"
	}
	r.URL.RawQuery = q + "q-sign-algorithm=sha1&q-ak=" + secretID + "&q-sign-time=1700000000;1700003600&q-signature=0123456789abcdef&x-cos-security-token=" + token
	return p.next.RoundTrip(r)
}

// newClient returns a real SDK client for the bucket at rawURL, signing
// every request, and the transport that counts its attempts.
func newClient(t *testing.T, rawURL string, retries int) (*cos.Client, *presign) {
	t.Helper()
	u, err := url.Parse(rawURL)
	require.NoError(t, err)
	tr := &presign{next: &cos.AuthorizationTransport{SecretID: secretID, SecretKey: secretKey, SessionToken: token}}
	c := cos.NewClient(&cos.BaseURL{BucketURL: u, ServiceURL: u}, &http.Client{Transport: tr})
	c.Conf.RetryOpt.Count = retries
	return c, tr
}

// assertNoSecrets checks every text form of err for the credentials.
func assertNoSecrets(t *testing.T, err error) {
	t.Helper()
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Error("failed", "err", err)
	texts := []string{err.Error(), buf.String()}
	var se *coserr.ServiceError
	if errors.As(err, &se) {
		texts = append(texts, se.URL)
		for _, v := range se.Digest() {
			texts = append(texts, v)
		}
	}
	var ce *coserr.ClientError
	if errors.As(err, &ce) {
		texts = append(texts, ce.URL)
	}
	// Every error reachable from err, as an error reporter walks the chain.
	for todo := []error{err}; len(todo) > 0; todo = todo[1:] {
		e := todo[0]
		texts = append(texts, e.Error())
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			if next := u.Unwrap(); next != nil {
				todo = append(todo, next)
			}
		case interface{ Unwrap() []error }:
			todo = append(todo, u.Unwrap()...)
		}
	}
	var er *cos.ErrorResponse
	if errors.As(err, &er) && er.Response != nil && er.Response.Request != nil {
		texts = append(texts, er.Response.Request.URL.String())
	}
	for _, s := range texts {
		for _, secret := range []string{secretID, secretKey, token, "0123456789abcdef"} {
			assert.NotContains(t, s, secret)
		}
	}
}

func TestWrapServiceErrors(t *testing.T) {
	tests := []struct {
		name    string
		route   coserrtest.Route
		call    func(ctx context.Context, c *cos.Client) error
		attempt int32 // requests the SDK sends
		status  int
		code    string
		is      []error
		check   func(t *testing.T, se *coserr.ServiceError)
	}{
		{
			name:  "HEAD Object 404 without a body",
			route: coserrtest.Route{Method: http.MethodHead, Path: "/missing.txt", Code: coserr.NoSuchKey},
			call: func(ctx context.Context, c *cos.Client) error {
				_, err := c.Object.Head(ctx, "missing.txt", nil)
				return err
			},
			attempt: 1, status: 404, code: "",
			is: []error{coserr.ErrNotFound},
			check: func(t *testing.T, se *coserr.ServiceError) {
				assert.Equal(t, http.MethodHead, se.Method)
				assert.NotErrorIs(t, se, coserr.NoSuchKey) // no body, so no code
				assert.Empty(t, se.Message)
				assert.Nil(t, se.Body)
			},
		},
		{
			name:  "GET Bucket 404 NoSuchBucket",
			route: coserrtest.Route{Method: http.MethodGet, Path: "/", Code: coserr.NoSuchBucket},
			call: func(ctx context.Context, c *cos.Client) error {
				_, _, err := c.Bucket.Get(ctx, nil)
				return err
			},
			attempt: 1, status: 404, code: "NoSuchBucket",
			is: []error{coserr.NoSuchBucket, coserr.ErrNotFound},
			check: func(t *testing.T, se *coserr.ServiceError) {
				assert.Equal(t, coserr.NoSuchBucket.Description(), se.Message)
				assert.True(t, strings.HasPrefix(se.Resource, "127.0.0.1:"), "Resource = %q; want the bucket's host", se.Resource)
			},
		},
		{
			name:  "PUT 503 SlowDown, retried by the SDK",
			route: coserrtest.Route{Method: http.MethodPut, Path: "/big.bin", Code: coserr.SlowDown},
			call: func(ctx context.Context, c *cos.Client) error {
				_, err := c.Object.Put(ctx, "big.bin", strings.NewReader("payload"), nil)
				return err
			},
			attempt: 2, status: 503, code: "SlowDown",
			is: []error{coserr.SlowDown, coserr.ErrThrottled},
			check: func(t *testing.T, se *coserr.ServiceError) {
				assert.True(t, se.Retryable())
				assert.Equal(t, http.MethodPut, se.Method)
				assert.Equal(t, "tencent-cos", se.Header.Get("Server"))
			},
		},
		{
			name:  "GET 403 AccessDenied",
			route: coserrtest.Route{Method: http.MethodGet, Path: "/private.txt", Code: coserr.AccessDenied, Options: []coserrtest.Option{coserrtest.WithMessage("Access Denied.")}},
			call: func(ctx context.Context, c *cos.Client) error {
				_, err := c.Object.Get(ctx, "private.txt", nil)
				return err
			},
			attempt: 1, status: 403, code: "AccessDenied",
			is: []error{coserr.AccessDenied, coserr.ErrAccessDenied},
			check: func(t *testing.T, se *coserr.ServiceError) {
				assert.Equal(t, "Access Denied.", se.Message)
				assert.False(t, se.Retryable())
				assert.Contains(t, se.URL, "/private.txt?")
				assert.Contains(t, se.URL, "q-signature=REDACTED")
			},
		},
		{
			name:  "an unknown code",
			route: coserrtest.Route{Method: http.MethodGet, Path: "/odd.txt", Options: []coserrtest.Option{coserrtest.WithCode("BrandNewError"), coserrtest.WithStatus(409), coserrtest.WithMessage("Something new.")}},
			call: func(ctx context.Context, c *cos.Client) error {
				_, err := c.Object.Get(ctx, "odd.txt", nil)
				return err
			},
			attempt: 1, status: 409, code: "BrandNewError",
			is: []error{coserr.ErrConflict},
			check: func(t *testing.T, se *coserr.ServiceError) {
				assert.Nil(t, se.Known())
				assert.Equal(t, "Something new.", se.Message)
			},
		},
		{
			name: "code only in x-cos-error-code, ids only in x-ci headers",
			route: coserrtest.Route{Method: http.MethodGet, Path: "/vectors", Options: []coserrtest.Option{
				coserrtest.WithStatus(404), coserrtest.WithRequestID(""), coserrtest.WithTraceID(""),
				coserrtest.WithHeader("X-Cos-Error-Code", "NotFoundException"),
				coserrtest.WithHeader("X-Ci-Request-Id", "ci-request"), coserrtest.WithHeader("X-Ci-Trace-Id", "ci-trace"),
				coserrtest.WithBody("application/json", `{"message":"The vector bucket does not exist."}`),
			}},
			call: func(ctx context.Context, c *cos.Client) error {
				_, err := c.Object.Get(ctx, "vectors", nil)
				return err
			},
			attempt: 1, status: 404, code: "NotFoundException",
			is: []error{coserr.NotFoundException, coserr.ErrNotFound},
			check: func(t *testing.T, se *coserr.ServiceError) {
				assert.Equal(t, "The vector bucket does not exist.", se.Message)
				assert.Equal(t, "ci-request", se.RequestID)
				assert.Equal(t, "ci-trace", se.TraceID)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := coserrtest.Server(t, tt.route)
			c, tr := newClient(t, srv.URL, 2)
			sdkErr := tt.call(context.Background(), c)
			require.Error(t, sdkErr)

			err := cosv5.Wrap(sdkErr)
			var se *coserr.ServiceError
			require.True(t, errors.As(err, &se), "Wrap(%T) = %T; want *coserr.ServiceError", sdkErr, err)
			assert.Equal(t, tt.attempt, tr.calls.Load(), "requests sent")
			assert.Equal(t, tt.status, se.StatusCode)
			assert.Equal(t, tt.code, se.Code)
			for _, target := range tt.is {
				assert.ErrorIs(t, err, target)
			}
			if tt.code != "NotFoundException" {
				assert.Equal(t, se.Header.Get("X-Cos-Request-Id"), se.RequestID)
				assert.NotEmpty(t, se.RequestID)
				assert.Equal(t, se.Header.Get("X-Cos-Trace-Id"), se.TraceID)
			}
			assert.Equal(t, strings.HasPrefix(tt.name, "HEAD"), se.Method == http.MethodHead)
			assert.True(t, strings.HasPrefix(se.URL, srv.URL+"/"), "URL = %q; want under %s", se.URL, srv.URL)
			assert.NotNil(t, se.Header)
			assert.Equal(t, se.Retryable(), coserr.IsRetryable(err))

			// The SDK's own error is still there, its request's URL redacted.
			var er, orig *cos.ErrorResponse
			require.True(t, errors.As(err, &er), "errors.As(Wrap(err), *cos.ErrorResponse) = false")
			require.True(t, errors.As(sdkErr, &orig))
			assert.ErrorIs(t, err, sdkErr)
			assert.Equal(t, orig.Code, er.Code)
			assert.Equal(t, orig.RequestID, er.RequestID)
			assert.Equal(t, redact(orig.Response.Request.URL.String()), er.Response.Request.URL.String())
			assert.Contains(t, orig.Response.Request.URL.String(), secretID, "the caller's error is left as it was")
			assertNoSecrets(t, err)
		})
	}
}

// redact is what coserr shows of a URL: its q-ak, q-signature and token
// replaced.
func redact(u string) string {
	for _, secret := range []string{secretID, "0123456789abcdef", token} {
		u = strings.ReplaceAll(u, secret, "REDACTED")
	}
	return u
}
