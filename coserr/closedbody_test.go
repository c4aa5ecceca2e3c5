package coserr_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// closedBodyCases are the responses whose body FromResponse replaces: an
// error status, and the 200 of a copy, read as far as its verdict.
var closedBodyCases = []struct {
	name   string
	method string
	header http.Header
	status int
	body   string
}{
	{"404", http.MethodGet, nil, 404, "<Error><Code>NoSuchKey</Code><Message>gone</Message></Error>"},
	{"404 larger than the cap", http.MethodGet, nil, 404, "<Error><Code>NoSuchKey</Code></Error>" + string(bytes.Repeat([]byte(" "), coserr.MaxBodyBytes))},
	{"200 copy with an error", http.MethodPut, http.Header{"X-Cos-Copy-Source": {"b/k"}}, 200, "<Error><Code>InternalError</Code></Error>"},
	{"200 copy result", http.MethodPut, http.Header{"X-Cos-Copy-Source": {"b/k"}}, 200, "<CopyObjectResult><ETag>x</ETag></CopyObjectResult>"},
}

// TestBodyClosedTwice: the body FromResponse gives back closes the
// original exactly once, however often it is closed, and the first Close
// returns the original's error.
func TestBodyClosedTwice(t *testing.T) {
	closeErr := io.ErrClosedPipe
	for _, c := range closedBodyCases {
		t.Run(c.name, func(t *testing.T) {
			src := &trackedBody{Reader: bytes.NewReader([]byte(c.body)), closeErr: closeErr}
			req, _ := http.NewRequest(c.method, "https://b.cos.ap-guangzhou.myqcloud.com/k", nil)
			for k, v := range c.header {
				req.Header[k] = v
			}
			resp := &http.Response{StatusCode: c.status, Body: src, ContentLength: int64(len(c.body)), Request: req}
			_ = coserr.FromResponse(resp)
			require.NotEqual(t, src, resp.Body, "FromResponse kept the body")
			assert.Equal(t, closeErr, resp.Body.Close())
			assert.NoError(t, resp.Body.Close())
			assert.Equal(t, 1, src.closed, "the original was closed %d times", src.closed)
		})
	}
}

// TestBodyReadAfterClose: reading the body FromResponse gives back after
// Close fails, as reading net/http's own body does, even when the bytes
// FromResponse read have not been read back yet; over a real connection
// the error is net/http's.
func TestBodyReadAfterClose(t *testing.T) {
	for _, c := range closedBodyCases {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Length", strconv.Itoa(len(c.body)))
				w.WriteHeader(c.status)
				_, _ = io.WriteString(w, c.body)
			}))
			defer srv.Close()
			req, err := http.NewRequest(c.method, srv.URL+"/k", nil)
			require.NoError(t, err)
			for k, v := range c.header {
				req.Header[k] = v
			}

			// What net/http's own body says when read after Close.
			plain, err := srv.Client().Do(req)
			require.NoError(t, err)
			require.NoError(t, plain.Body.Close())
			_, want := plain.Body.Read(make([]byte, 8))
			require.Error(t, want)

			resp, err := srv.Client().Do(req)
			require.NoError(t, err)
			_ = coserr.FromResponse(resp)
			require.NoError(t, resp.Body.Close())
			n, got := resp.Body.Read(make([]byte, 8))
			assert.Zero(t, n)
			assert.Equal(t, want, got)
		})
	}
	t.Run("a body that reads after Close", func(t *testing.T) {
		src := io.NopCloser(bytes.NewReader([]byte("<Error><Code>NoSuchKey</Code></Error>")))
		resp := &http.Response{StatusCode: 404, Body: src}
		_ = coserr.FromResponse(resp)
		require.NoError(t, resp.Body.Close())
		n, err := resp.Body.Read(make([]byte, 8))
		assert.Zero(t, n)
		assert.Error(t, err)
	})
}
