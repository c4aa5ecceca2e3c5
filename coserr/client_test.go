package coserr_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

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
