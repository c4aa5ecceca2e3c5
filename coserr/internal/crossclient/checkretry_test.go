package crossclient_test

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	retryablehttp "github.com/hashicorp/go-retryablehttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

func TestCheckRetryPolicy(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	refused := &url.Error{Op: "Get", URL: "http://127.0.0.1:1/k", Err: &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}}
	tests := []struct {
		name    string
		ctx     context.Context
		resp    *http.Response
		err     error
		retry   bool
		wantErr error
	}{
		{"done context", canceled, coserrtest.Response(coserr.SlowDown), nil, false, context.Canceled},
		{"done context, success", canceled, &http.Response{StatusCode: 200, Body: http.NoBody}, nil, false, context.Canceled},
		{"nil context", nil, coserrtest.Response(coserr.SlowDown), nil, true, nil},
		{"refused", context.Background(), nil, refused, true, nil},
		{"reset", context.Background(), nil, &url.Error{Op: "Get", URL: "http://h/", Err: syscall.ECONNRESET}, true, nil},
		{"timeout", context.Background(), nil, &url.Error{Op: "Get", URL: "http://h/", Err: context.DeadlineExceeded}, true, nil},
		{"canceled attempt", context.Background(), nil, &url.Error{Op: "Get", URL: "http://h/", Err: context.Canceled}, false, nil},
		{"bad certificate", context.Background(), nil, &url.Error{Op: "Get", URL: "https://h/", Err: x509.UnknownAuthorityError{}}, false, nil},
		{"200", context.Background(), &http.Response{StatusCode: 200, Body: http.NoBody}, nil, false, nil},
		{"503 SlowDown", context.Background(), coserrtest.Response(coserr.SlowDown), nil, true, nil},
		{"500 InternalError", context.Background(), coserrtest.Response(coserr.InternalError), nil, true, nil},
		{"500 alias", context.Background(), coserrtest.Response(coserr.InternalError, coserrtest.WithCode("InternalErrror")), nil, true, nil},
		{"502 proxy page", context.Background(), coserrtest.Response(nil, coserrtest.WithStatus(502), coserrtest.WithBody("text/html", "<html>502</html>")), nil, true, nil},
		{"501 without code", context.Background(), coserrtest.Response(nil, coserrtest.WithStatus(501)), nil, false, nil},
		{"429 unknown code", context.Background(), coserrtest.Response(nil, coserrtest.WithStatus(429), coserrtest.WithCode("Throttling")), nil, true, nil},
		{"408 HEAD", context.Background(), coserrtest.Response(nil, coserrtest.WithStatus(408), coserrtest.WithMethod(http.MethodHead)), nil, true, nil},
		{"404 NoSuchKey", context.Background(), coserrtest.Response(coserr.NoSuchKey), nil, false, nil},
		{"403 AccessDenied", context.Background(), coserrtest.Response(coserr.AccessDenied), nil, false, nil},
		{"304", context.Background(), coserrtest.Response(nil, coserrtest.WithStatus(304), coserrtest.WithMethod(http.MethodHead)), nil, false, nil},
		{"nothing", context.Background(), nil, nil, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before []byte
			if tt.resp != nil && tt.resp.Body != nil {
				var err error
				before, err = io.ReadAll(tt.resp.Body)
				require.NoError(t, err)
				tt.resp.Body = io.NopCloser(strings.NewReader(string(before)))
			}
			retry, err := coserr.CheckRetry(tt.ctx, tt.resp, tt.err)
			assert.Equal(t, tt.retry, retry, "CheckRetry retry")
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			} else {
				assert.NoError(t, err)
			}
			if tt.resp != nil && tt.resp.Body != nil {
				after, err := io.ReadAll(tt.resp.Body)
				require.NoError(t, err)
				assert.Equal(t, string(before), string(after), "resp.Body after CheckRetry")
			}
		})
	}
}

// retryClient is a go-retryablehttp client with coserr's policy, tiny
// waits, no logger, and a count of the attempts it made.
func retryClient(attempts *int) *retryablehttp.Client {
	c := retryablehttp.NewClient()
	c.Logger = nil
	c.RetryMax = 3
	c.RetryWaitMin, c.RetryWaitMax = time.Microsecond, time.Millisecond
	c.CheckRetry = coserr.CheckRetry
	c.RequestLogHook = func(_ retryablehttp.Logger, _ *http.Request, _ int) { *attempts++ }
	return c
}

func TestCheckRetryWithRetryablehttp(t *testing.T) {
	tests := []struct {
		name     string
		route    coserrtest.Route
		status   int
		attempts int
		want     *coserr.Code
	}{
		{"503 SlowDown twice, then 200", coserrtest.Route{Code: coserr.SlowDown, Times: 2}, 200, 3, nil},
		{"500 InternalError once, then 200", coserrtest.Route{Code: coserr.InternalError, Times: 1}, 200, 2, nil},
		{"404 NoSuchKey is not retried", coserrtest.Route{Code: coserr.NoSuchKey}, 404, 1, coserr.NoSuchKey},
		{"403 AccessDenied is not retried", coserrtest.Route{Code: coserr.AccessDenied}, 403, 1, coserr.AccessDenied},
		{"409 BucketNotEmpty is not retried", coserrtest.Route{Code: coserr.BucketNotEmpty}, 409, 1, coserr.BucketNotEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := coserrtest.Server(t, tt.route, coserrtest.Route{Handler: coserrtest.OK})
			attempts := 0
			c := retryClient(&attempts)
			req, err := retryablehttp.NewRequest(http.MethodPut, srv.URL+"/report.csv", strings.NewReader("payload"))
			require.NoError(t, err)
			resp, err := c.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			assert.Equal(t, tt.status, resp.StatusCode)
			assert.Equal(t, tt.attempts, attempts, "attempts")

			// The body parses afterwards, whole, from its first byte.
			err = coserr.FromResponse(resp)
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.want)
			body, rerr := io.ReadAll(resp.Body)
			require.NoError(t, rerr)
			assert.True(t, strings.HasPrefix(string(body), "<?xml"), "body = %q; want the XML document", body)
			assert.Contains(t, string(body), "<Code>"+tt.want.Name()+"</Code>")
			assert.True(t, strings.HasSuffix(string(body), "</Error>"), "body = %q; want the whole document", body)
			assert.Equal(t, strconv.Itoa(len(body)), resp.Header.Get("Content-Length"))
		})
	}
}

func TestCheckRetryGivesUp(t *testing.T) {
	srv := coserrtest.Server(t, coserrtest.Route{Code: coserr.SlowDown})

	// By default go-retryablehttp drops the last response when it gives up.
	attempts := 0
	c := retryClient(&attempts)
	resp, err := c.Get(srv.URL + "/k")
	require.Error(t, err)
	assert.Nil(t, resp)
	assert.Equal(t, 4, attempts)
	assert.Contains(t, err.Error(), "giving up after 4 attempt(s)")

	// PassthroughErrorHandler keeps it, and FromResponse reads it.
	attempts = 0
	c = retryClient(&attempts)
	c.ErrorHandler = retryablehttp.PassthroughErrorHandler
	resp, err = c.Get(srv.URL + "/k")
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, 4, attempts)
	err = coserr.FromResponse(resp)
	assert.ErrorIs(t, err, coserr.SlowDown)
	assert.ErrorIs(t, err, coserr.ErrThrottled)
}

func TestCheckRetryTransport(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())

	attempts := 0
	c := retryClient(&attempts)
	c.RetryMax = 2
	_, err = c.Get("http://" + addr + "/k")
	require.Error(t, err)
	assert.Equal(t, 3, attempts, "a refused connection is retried")
	assert.ErrorIs(t, err, syscall.ECONNREFUSED)
	assert.True(t, coserr.IsRetryable(err))
}

func TestCheckRetryCanceled(t *testing.T) {
	srv := coserrtest.Server(t, coserrtest.Route{Code: coserr.SlowDown})
	tests := []struct {
		name       string
		cancelAt   int // the attempt before which the context is canceled
		wantTrials int
	}{
		{"before the first attempt", 0, 1},
		{"between attempts", 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			attempts := 0
			c := retryClient(&attempts)
			c.RequestLogHook = func(_ retryablehttp.Logger, _ *http.Request, n int) {
				attempts++
				if n == tt.cancelAt {
					cancel()
				}
			}
			req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/k", nil)
			require.NoError(t, err)
			resp, err := c.Do(req)
			require.Error(t, err)
			assert.Nil(t, resp)
			assert.ErrorIs(t, err, context.Canceled)
			assert.False(t, coserr.IsRetryable(err))
			assert.Equal(t, tt.wantTrials, attempts)
		})
	}
}

func TestRetryAfter(t *testing.T) {
	future := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	farFuture := time.Now().Add(30 * 24 * time.Hour).UTC().Format(http.TimeFormat)
	past := time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)
	slow := func(v string) error {
		return coserr.FromResponse(coserrtest.Response(coserr.SlowDown, coserrtest.WithHeader("Retry-After", v)))
	}
	tests := []struct {
		name   string
		err    error
		ok     bool
		lo, hi time.Duration // the duration's bounds, inclusive
	}{
		{"seconds", slow("7"), true, 7 * time.Second, 7 * time.Second},
		{"zero", slow("0"), true, 0, 0},
		{"padded", slow(" 3 "), true, 3 * time.Second, 3 * time.Second},
		{"a day", slow("86400"), true, 24 * time.Hour, 24 * time.Hour},
		{"over a day", slow("86401"), false, 0, 0},
		{"negative", slow("-1"), false, 0, 0},
		{"fraction", slow("1.5"), false, 0, 0},
		{"garbage", slow("soon"), false, 0, 0},
		{"HTTP date ahead", slow(future), true, 58 * time.Minute, time.Hour},
		{"HTTP date passed", slow(past), true, 0, 0},
		{"HTTP date over a day ahead", slow(farFuture), false, 0, 0},
		{"no header", coserr.FromResponse(coserrtest.Response(coserr.SlowDown)), false, 0, 0},
		{"wrapped", errors.Join(errors.New("put"), slow("2")), true, 2 * time.Second, 2 * time.Second},
		{"nil header", &coserr.ServiceError{StatusCode: 503}, false, 0, 0},
		{"client error", &coserr.ClientError{Err: syscall.ECONNRESET}, false, 0, 0},
		{"nil", nil, false, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := coserr.RetryAfter(tt.err)
			assert.Equal(t, tt.ok, ok, "RetryAfter ok")
			assert.GreaterOrEqual(t, d, tt.lo)
			assert.LessOrEqual(t, d, tt.hi)
		})
	}
}

// appendURL is an append's URL, signed in its query.
const appendURL = "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/log.txt?append&position=0&q-signature=0123456789abcdef"

func TestAppendNeverRetriedAtAnyEntryPoint(t *testing.T) {
	broken := &url.Error{Op: "Post", URL: appendURL, Err: io.ErrUnexpectedEOF}
	reset := &url.Error{Op: "Post", URL: appendURL, Err: &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}}
	refused := &url.Error{Op: "Post", URL: appendURL, Err: &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}}
	getBroken := &url.Error{Op: "Get", URL: appendURL, Err: io.ErrUnexpectedEOF}
	req, err := http.NewRequest(http.MethodPost, appendURL, nil)
	require.NoError(t, err)
	tests := []struct {
		name string
		err  *url.Error
		want bool
	}{
		{"cut off after it was sent", broken, false},
		{"reset after it was sent", reset, false},
		{"wrapped, cut off after it was sent", broken, false},
		{"never sent: refused", refused, true},
		{"a GET of the same URL", getBroken, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error = tt.err
			if strings.HasPrefix(tt.name, "wrapped") {
				err = fmt.Errorf("upload: %w", tt.err)
			}
			retry, cerr := coserr.CheckRetry(context.Background(), nil, err)
			assert.NoError(t, cerr)
			assert.Equal(t, tt.want, retry, "CheckRetry(ctx, nil, %v)", err)
			assert.Equal(t, tt.want, coserr.IsRetryable(err), "IsRetryable(%v)", err)
			r := req
			if tt.err.Op == "Get" {
				r = req.Clone(context.Background())
				r.Method = http.MethodGet
			}
			assert.Equal(t, coserr.IsRetryable(coserr.FromTransport(r, tt.err)), coserr.IsRetryable(err),
				"IsRetryable(FromTransport(req, err)) and IsRetryable(err) disagree")
			assert.Equal(t, coserr.IsRetryable(coserr.FromTransport(nil, tt.err)), coserr.IsRetryable(err),
				"IsRetryable(FromTransport(nil, err)) and IsRetryable(err) disagree")
		})
	}
}

// TestAppendWithRetryablehttp: an append whose connection breaks after
// the request was sent is sent once, however many retries the client
// allows.
func TestAppendWithRetryablehttp(t *testing.T) {
	var served atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		_, _ = io.Copy(io.Discard, r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close() // the request arrived; the answer never does
		}
	}))
	defer srv.Close()
	attempts := 0
	c := retryClient(&attempts)
	c.RetryMax = 3
	c.ErrorHandler = coserr.ErrorHandler
	req, err := retryablehttp.NewRequest(http.MethodPost, srv.URL+"/log.txt?append&position=0", strings.NewReader("line\n"))
	require.NoError(t, err)
	resp, err := c.Do(req)
	require.Error(t, err)
	assert.Nil(t, resp)
	assert.Equal(t, 1, attempts, "attempts")
	assert.Equal(t, int32(1), served.Load(), "requests served")
	assert.False(t, coserr.IsRetryable(err), "IsRetryable(%v)", err)
}
