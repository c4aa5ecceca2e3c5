package coserr_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// The secrets of the presigned URLs below; none may show in any output.
var presignSecrets = []string{
	"AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM", // q-ak, the SecretId
	"5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d",
	"TOKENe0wgYXNlY3VyaXR5LXRva2Vu",
	"AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request",
	"aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
	"IQoJb3JpZ2luX2VjEJr",
}

// presignedQueries are the query strings of a COS and an S3-style
// presigned URL, with the keys in several cases.
var presignedQueries = map[string]string{
	"cos": "q-sign-algorithm=sha1&q-ak=AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM&q-sign-time=1700000000%3B1700003600" +
		"&q-key-time=1700000000%3B1700003600&q-header-list=host&q-url-param-list=" +
		"&q-signature=5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d&x-cos-security-token=TOKENe0wgYXNlY3VyaXR5LXRva2Vu",
	"cos upper case": "Q-SIGN-ALGORITHM=sha1&Q-AK=AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM&Q-SIGN-TIME=1700000000%3B1700003600" +
		"&Q-KEY-TIME=1700000000%3B1700003600&Q-SIGNATURE=5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d&X-Cos-Security-Token=TOKENe0wgYXNlY3VyaXR5LXRva2Vu",
	"s3": "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request" +
		"&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host" +
		"&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr",
	"s3 lower case, v2 names": "x-amz-credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request" +
		"&x-amz-signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404&Signature=5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d" +
		"&sign=TOKENe0wgYXNlY3VyaXR5LXRva2Vu&AWSAccessKeyId=AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM",
}

// renderAll is every way an error reaches people and logs.
func renderAll(t *testing.T, err error) []string {
	t.Helper()
	var jb, tb bytes.Buffer
	for _, h := range []slog.Handler{slog.NewJSONHandler(&jb, nil), slog.NewTextHandler(&tb, nil)} {
		slog.New(h).Error("request failed", "err", err, "wrapped", fmt.Errorf("sync: %w", err))
	}
	out := []string{err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%s", fmt.Errorf("x: %w", err)), jb.String(), tb.String()}
	var se *coserr.ServiceError
	if errors.As(err, &se) {
		out = append(out, se.URL, fmt.Sprint(se.Digest()), se.LogValue().String())
	}
	var ce *coserr.ClientError
	if errors.As(err, &ce) {
		out = append(out, ce.URL, ce.LogValue().String())
	}
	return out
}

func assertNoSecrets(t *testing.T, outputs []string) {
	t.Helper()
	for _, out := range outputs {
		for _, s := range presignSecrets {
			for _, form := range []string{s, url.QueryEscape(s)} {
				assert.NotContains(t, out, form)
			}
		}
	}
}

// closedPort returns the address of a 127.0.0.1 port nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return addr
}

// TestTransportErrorRedacted sends presigned requests to a closed port
// with a real http.Client: the *url.Error quotes the whole URL, and
// neither FromTransport's ClientError nor its log records show a secret.
func TestTransportErrorRedacted(t *testing.T) {
	addr := closedPort(t)
	for name, q := range presignedQueries {
		t.Run(name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, "http://"+addr+"/photo.jpg?"+q, nil)
			require.NoError(t, err)
			_, terr := http.DefaultClient.Do(req)
			require.Error(t, terr)
			var ue *url.Error
			require.ErrorAs(t, terr, &ue)
			quoted := false
			for _, s := range presignSecrets {
				quoted = quoted || strings.Contains(terr.Error(), url.QueryEscape(s))
			}
			require.True(t, quoted, "the transport error %q quotes no secret; the test means nothing", terr)

			for _, r := range []*http.Request{req, nil} {
				err := coserr.FromTransport(r, terr)
				var ce *coserr.ClientError
				require.ErrorAs(t, err, &ce)
				assert.Equal(t, "GET", strings.ToUpper(ce.Op))
				assert.Contains(t, ce.URL, "REDACTED")
				assert.True(t, strings.HasPrefix(ce.Error(), "cos: "+ce.Op+" http://"+addr+"/photo.jpg?"), "Error() = %q", ce.Error())
				require.ErrorIs(t, err, syscall.ECONNREFUSED)
				require.ErrorAs(t, err, &ue)
				assert.True(t, coserr.IsRetryable(err))
				assert.False(t, ce.Timeout())
				assertNoSecrets(t, renderAll(t, err))
			}
		})
	}
}

// TestServiceErrorURLRedacted: a real 403 for a presigned request keeps
// its URL with every secret redacted.
func TestServiceErrorURLRedacted(t *testing.T) {
	body := loadSampleBody(t, "signaturedoesnotmatch.xml")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write(body)
	}))
	defer srv.Close()
	for name, q := range presignedQueries {
		t.Run(name, func(t *testing.T) {
			resp, err := srv.Client().Get(srv.URL + "/photo.jpg?" + q)
			require.NoError(t, err)
			defer resp.Body.Close()
			err = coserr.FromResponse(resp)
			require.ErrorIs(t, err, coserr.SignatureDoesNotMatch)
			var se *coserr.ServiceError
			require.ErrorAs(t, err, &se)
			assert.True(t, strings.HasPrefix(se.URL, srv.URL+"/photo.jpg?"), "URL = %q", se.URL)
			assert.Contains(t, se.URL, "REDACTED")
			assertNoSecrets(t, renderAll(t, err))
		})
	}
	t.Run("built by hand", func(t *testing.T) {
		se := &coserr.ServiceError{StatusCode: 403, Code: "AccessDenied", URL: "https://b.cos.ap-beijing.myqcloud.com/k?" + presignedQueries["cos"]}
		assertNoSecrets(t, append(renderAll(t, se)[:6], se.LogValue().String()))
	})
}

// netTimeout is a net.Error that timed out.
type netTimeout struct{}

func (netTimeout) Error() string   { return "i/o timeout" }
func (netTimeout) Timeout() bool   { return true }
func (netTimeout) Temporary() bool { return true }

func syscallOp(op string, errno syscall.Errno) error {
	return &net.OpError{Op: op, Net: "tcp", Err: &os.SyscallError{Syscall: op, Err: errno}}
}

func TestTransportRetryable(t *testing.T) {
	tests := []struct {
		name      string
		err       error
		retryable bool
		timeout   bool
	}{
		{"net timeout", &net.OpError{Op: "read", Net: "tcp", Err: netTimeout{}}, true, true},
		{"deadline exceeded", context.DeadlineExceeded, true, true},
		{"connection reset", syscallOp("read", syscall.ECONNRESET), true, false},
		{"connection refused", syscallOp("dial", syscall.ECONNREFUSED), true, false},
		{"broken pipe", syscallOp("write", syscall.EPIPE), true, false},
		{"connection aborted", syscallOp("read", syscall.ECONNABORTED), true, false},
		{"network unreachable", syscallOp("dial", syscall.ENETUNREACH), true, false},
		{"truncated read", io.ErrUnexpectedEOF, true, false},
		{"eof before the response", io.EOF, true, false},
		{"dns temporary", &net.DNSError{Err: "server misbehaving", Name: "b.cos.myqcloud.com", IsTemporary: true}, true, false},
		{"dns timeout", &net.DNSError{Err: "i/o timeout", Name: "b.cos.myqcloud.com", IsTimeout: true}, true, true},
		{"canceled", context.Canceled, false, false},
		{"canceled while reading", errors.Join(context.Canceled, syscallOp("read", syscall.ECONNRESET)), false, false},
		{"canceled with a timeout", fmt.Errorf("%w: %w", context.Canceled, context.DeadlineExceeded), false, true},
		{"dns not found", &net.DNSError{Err: "no such host", Name: "nosuch.cos.myqcloud.com", IsNotFound: true}, false, false},
		{"unknown authority", &tls.CertificateVerificationError{Err: x509.UnknownAuthorityError{}}, false, false},
		{"bare unknown authority", x509.UnknownAuthorityError{}, false, false},
		{"hostname mismatch", x509.HostnameError{Certificate: &x509.Certificate{}, Host: "b.cos.myqcloud.com"}, false, false},
		{"expired certificate", x509.CertificateInvalidError{Reason: x509.Expired}, false, false},
		{"not tls", tls.RecordHeaderError{Msg: "first record does not look like a TLS handshake"}, false, false},
		{"tls alert", &net.OpError{Op: "remote error", Net: "tcp", Err: tls.AlertError(40)}, false, false},
		{"anything else", errors.New("unsupported protocol scheme \"ftp\""), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.retryable, coserr.IsRetryable(tt.err), "bare")
			ue := &url.Error{Op: "Get", URL: "https://b.cos.ap-beijing.myqcloud.com/k", Err: tt.err}
			assert.Equal(t, tt.retryable, coserr.IsRetryable(ue), "in a *url.Error")
			err := coserr.FromTransport(nil, ue)
			var ce *coserr.ClientError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, tt.retryable, ce.Retryable())
			assert.Equal(t, tt.retryable, coserr.IsRetryable(fmt.Errorf("get: %w", err)))
			assert.Equal(t, tt.timeout, ce.Timeout())
			require.ErrorIs(t, err, tt.err)
		})
	}
}

// TestRealTimeoutAndCancel gets a timeout and a cancellation from a real
// http.Client and a server that never answers.
func TestRealTimeoutAndCancel(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-release }))
	defer srv.Close()
	defer close(release)

	t.Run("client timeout", func(t *testing.T) {
		c := &http.Client{Timeout: 20 * time.Millisecond}
		req, err := http.NewRequest(http.MethodGet, srv.URL+"/k?q-signature=5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d", nil)
		require.NoError(t, err)
		_, terr := c.Do(req)
		err = coserr.FromTransport(req, terr)
		var ce *coserr.ClientError
		require.ErrorAs(t, err, &ce)
		assert.True(t, ce.Timeout())
		assert.True(t, coserr.IsRetryable(err))
		assertNoSecrets(t, renderAll(t, err))
	})
	t.Run("canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/k", nil)
		require.NoError(t, err)
		go cancel()
		_, terr := srv.Client().Do(req)
		err = coserr.FromTransport(req, terr)
		require.ErrorIs(t, err, context.Canceled)
		assert.False(t, coserr.IsRetryable(err))
	})
}

func TestClientErrorString(t *testing.T) {
	reset := syscallOp("read", syscall.ECONNRESET)
	tests := []struct {
		name string
		err  *coserr.ClientError
		want string
	}{
		{"op, url, cause", &coserr.ClientError{Op: "GET", URL: "https://b/k", Err: reset}, "cos: GET https://b/k: read tcp: read: connection reset by peer"},
		{"url.Error cause is not repeated", &coserr.ClientError{Op: "GET", URL: "https://b/k",
			Err: &url.Error{Op: "Get", URL: "https://b/k", Err: reset}}, "cos: GET https://b/k: read tcp: read: connection reset by peer"},
		{"url.Error cause with no op or url of its own", &coserr.ClientError{Err: &url.Error{Op: "Get", URL: "https://b/k?sign=abcdefgh", Err: io.EOF}},
			`cos: Get "https://b/k?sign=REDACTED": EOF`},
		{"raw url redacted", &coserr.ClientError{Op: "PUT", URL: "https://b/k?q-signature=abc&x=1", Err: io.ErrUnexpectedEOF},
			"cos: PUT https://b/k?q-signature=REDACTED&x=1: unexpected EOF"},
		{"cause only", &coserr.ClientError{Err: io.ErrUnexpectedEOF}, "cos: unexpected EOF"},
		{"nothing", &coserr.ClientError{}, "cos: client error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.err.Error())
			assert.Equal(t, "upload: "+tt.want, fmt.Errorf("upload: %w", tt.err).Error())
		})
	}
}

// TestFromTransportPassesThrough: errors that already are or wrap one of
// ours come back unchanged.
func TestFromTransportPassesThrough(t *testing.T) {
	se := coserr.Parse(404, nil, nil)
	ce := &coserr.ClientError{Op: "GET", Err: io.EOF}
	for _, err := range []error{se, ce, fmt.Errorf("x: %w", se), fmt.Errorf("y: %w", ce)} {
		assert.Same(t, err, coserr.FromTransport(&http.Request{Method: "PUT"}, err))
	}
	assert.NoError(t, coserr.FromTransport(&http.Request{}, nil))
}

// TestFromTransportOpAndURL: where Op and URL come from.
func TestFromTransportOpAndURL(t *testing.T) {
	ue := &url.Error{Op: "Put", URL: "https://b/k?sign=abcdefgh", Err: io.EOF}
	u, err := url.Parse("https://b/other?q-ak=AKIDabc")
	require.NoError(t, err)
	tests := []struct {
		name    string
		req     *http.Request
		op, url string
	}{
		{"request", &http.Request{Method: "DELETE", URL: u}, "DELETE", "https://b/other?q-ak=REDACTED"},
		{"request with no method: GET", &http.Request{URL: u}, "GET", "https://b/other?q-ak=REDACTED"},
		{"no request: the method upper-cased", nil, "PUT", "https://b/k?sign=REDACTED"},
		{"request with no URL", &http.Request{Method: "HEAD"}, "HEAD", "https://b/k?sign=REDACTED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ce *coserr.ClientError
			require.ErrorAs(t, coserr.FromTransport(tt.req, ue), &ce)
			assert.Equal(t, tt.op, ce.Op)
			assert.Equal(t, tt.url, ce.URL)
			assert.Equal(t, "cos: "+tt.op+" "+tt.url+": EOF", ce.Error())
		})
	}
}

func TestServiceErrorString(t *testing.T) {
	tests := []struct {
		name string
		err  *coserr.ServiceError
		want string
	}{
		{"full", &coserr.ServiceError{StatusCode: 404, Code: "NoSuchBucket", Message: "The specified bucket does not exist.", RequestID: "X"},
			"cos: 404 NoSuchBucket: The specified bucket does not exist. (request id X)"},
		{"no code: status text", &coserr.ServiceError{StatusCode: 404, RequestID: "X"}, "cos: 404 Not Found (request id X)"},
		{"no code, no request id", &coserr.ServiceError{StatusCode: 503}, "cos: 503 Service Unavailable"},
		{"no message", &coserr.ServiceError{StatusCode: 409, Code: "BucketNotEmpty"}, "cos: 409 BucketNotEmpty"},
		{"unknown status", &coserr.ServiceError{StatusCode: 599, Message: "odd"}, "cos: 599: odd"},
		{"never url or body", &coserr.ServiceError{StatusCode: 400, Code: "InvalidArgument", URL: "https://b/k?x=secretvalue",
			Body: []byte("<Error>bodytext</Error>")}, "cos: 400 InvalidArgument"},
		{"zero", &coserr.ServiceError{}, "cos: 0"},
		{"nil", nil, "cos: <nil>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.err.Error())
			assert.Equal(t, tt.want, fmt.Sprintf("%v", tt.err))
			assert.Equal(t, tt.want, fmt.Sprintf("%+v", tt.err))
			assert.Equal(t, "get: "+tt.want, fmt.Errorf("get: %w", tt.err).Error())
		})
	}
}

// TestBodyOverHTTP runs FromResponse on real responses from a 127.0.0.1
// server: 10 MiB with and without a Content-Length, and a body the server
// cuts off.
func TestBodyOverHTTP(t *testing.T) {
	big := tenMiB("<html><body>", "<p>bad gateway</p>", "</body></html>")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/length":
			w.Header().Set("Content-Length", strconv.Itoa(len(big)))
			w.WriteHeader(502)
			_, _ = w.Write(big)
		case "/chunked":
			w.WriteHeader(502)
			for b := big; len(b) > 0; b = b[min(len(b), 100000):] {
				_, _ = w.Write(b[:min(len(b), 100000)])
				w.(http.Flusher).Flush()
			}
		case "/cut":
			conn, buf, err := w.(http.Hijacker).Hijack()
			if err != nil {
				return
			}
			defer conn.Close()
			_, _ = fmt.Fprintf(buf, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 100000\r\nX-Cos-Request-Id: cut-req\r\n\r\n%s", big[:5000])
			_ = buf.Flush()
		}
	}))
	defer srv.Close()

	for _, path := range []string{"/length", "/chunked"} {
		t.Run(path, func(t *testing.T) {
			resp, err := srv.Client().Get(srv.URL + path)
			require.NoError(t, err)
			defer resp.Body.Close()
			var se *coserr.ServiceError
			require.ErrorAs(t, coserr.FromResponse(resp), &se)
			assert.Equal(t, 502, se.StatusCode)
			assert.Equal(t, coserr.MaxBodyBytes, len(se.Body))
			assert.Equal(t, "GET", se.Method)
			got, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(big, got), "read back %d bytes; want %d", len(got), len(big))
		})
	}
	t.Run("/cut", func(t *testing.T) {
		resp, err := srv.Client().Get(srv.URL + "/cut")
		require.NoError(t, err)
		defer resp.Body.Close()
		err = coserr.FromResponse(resp)
		var se *coserr.ServiceError
		require.ErrorAs(t, err, &se)
		assert.Equal(t, 503, se.StatusCode)
		assert.Equal(t, "cut-req", se.RequestID)
		assert.Equal(t, 5000, len(se.Body))
		require.ErrorIs(t, err, io.ErrUnexpectedEOF)
		assert.True(t, coserr.IsRetryable(err))
		got, rerr := io.ReadAll(bufio.NewReader(resp.Body))
		assert.Equal(t, io.ErrUnexpectedEOF, rerr)
		assert.True(t, bytes.Equal(big[:5000], got), "read back %d bytes; want 5000", len(got))
	})
}
