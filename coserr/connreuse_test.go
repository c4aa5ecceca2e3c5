package coserr_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// TestConnectionReusedAfterError: a caller that runs FromResponse on an
// error response and then only closes resp.Body keeps its connection for
// the next request, whatever the error's shape: FromResponse reads a body
// up to MaxBodyBytes to its end, so net/http sees it done. Over
// MaxBodyBytes, the caller must read the rest before Close, as with any
// body net/http gets.
func TestConnectionReusedAfterError(t *testing.T) {
	const requests = 20
	doc := []byte("<Error><Code>NoSuchKey</Code><Message>gone</Message></Error>")
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	_, _ = zw.Write(doc)
	require.NoError(t, zw.Close())
	atCap := append(append([]byte{}, doc...), bytes.Repeat([]byte(" "), coserr.MaxBodyBytes-len(doc))...)
	huge := append(append([]byte{}, doc...), bytes.Repeat([]byte(" "), 2*coserr.MaxBodyBytes)...)

	cases := []struct {
		name     string
		method   string
		header   http.Header // of the request
		status   int
		encoding string
		body     []byte
		chunked  bool
		drain    bool // the caller reads the rest before Close
	}{
		{name: "404", method: "GET", status: 404, body: doc},
		{name: "404 chunked", method: "GET", status: 404, body: doc, chunked: true},
		{name: "503", method: "GET", status: 503, body: doc},
		{name: "HEAD 404", method: "HEAD", status: 404},
		{name: "200 copy with an error", method: "PUT", header: http.Header{"X-Cos-Copy-Source": {"b/k"}}, status: 200, body: doc},
		{name: "gzip, the caller's Accept-Encoding", method: "GET", header: http.Header{"Accept-Encoding": {"gzip"}}, status: 404, encoding: "gzip", body: zipped.Bytes()},
		{name: "gzip, net/http's", method: "GET", status: 404, encoding: "gzip", body: zipped.Bytes()},
		{name: "MaxBodyBytes", method: "GET", status: 404, body: atCap},
		{name: "MaxBodyBytes chunked", method: "GET", status: 404, body: atCap, chunked: true},
		{name: "over MaxBodyBytes, drained", method: "GET", status: 404, body: huge, drain: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var conns atomic.Int64
			srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if c.encoding != "" {
					w.Header().Set("Content-Encoding", c.encoding)
				}
				if !c.chunked {
					w.Header().Set("Content-Length", strconv.Itoa(len(c.body)))
				}
				w.WriteHeader(c.status)
				if r.Method != http.MethodHead {
					_, _ = w.Write(c.body)
				}
			}))
			srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
				if s == http.StateNew {
					conns.Add(1)
				}
			}
			srv.Start()
			defer srv.Close()
			client := srv.Client()
			for range requests {
				req, err := http.NewRequest(c.method, srv.URL+"/k", nil)
				require.NoError(t, err)
				for k, v := range c.header {
					req.Header[k] = v
				}
				resp, err := client.Do(req)
				require.NoError(t, err)
				require.Error(t, coserr.FromResponse(resp))
				if c.drain {
					_, _ = io.Copy(io.Discard, resp.Body)
				}
				require.NoError(t, resp.Body.Close())
			}
			assert.EqualValues(t, 1, conns.Load(), "connections for %d error responses", requests)
		})
	}
}

// TestBodyPastTheCap: what follows the first MaxBodyBytes of a body, the
// end, one more byte or a failure, is the replay's: the ServiceError keeps
// MaxBodyBytes and no error, and reading resp.Body gives every byte, then
// the end or the same failure.
func TestBodyPastTheCap(t *testing.T) {
	cut := errors.New("connection reset")
	capped := bytes.Repeat([]byte("a"), coserr.MaxBodyBytes)
	for _, c := range []struct {
		name    string
		data    []byte
		err     error
		wantErr error
	}{
		{"the end", capped, io.EOF, nil},
		{"one more byte", append(append([]byte{}, capped...), 'z'), io.EOF, nil},
		{"a failure", capped, cut, cut},
		{"a failure after one more byte", append(append([]byte{}, capped...), 'z'), cut, cut},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := &trackedBody{Reader: &failingReader{data: c.data, chunk: 4096, err: c.err}}
			resp := &http.Response{StatusCode: 404, Body: src}
			var se *coserr.ServiceError
			require.ErrorAs(t, coserr.FromResponse(resp), &se)
			assert.NoError(t, se.Err)
			assert.Len(t, se.Body, coserr.MaxBodyBytes)
			got, err := io.ReadAll(resp.Body)
			assert.Equal(t, c.wantErr, err)
			assert.True(t, bytes.Equal(c.data, got), "read back %d bytes; want %d", len(got), len(c.data))
		})
	}
}
