package coserr_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// trackedBody is a response body that records its Close.
type trackedBody struct {
	io.Reader
	closed   int
	closeErr error
}

func (b *trackedBody) Close() error {
	b.closed++
	return b.closeErr
}

// failingReader returns its data in chunks, then err: with the last chunk
// when together is set, else on the read after it.
type failingReader struct {
	data     []byte
	chunk    int
	err      error
	together bool
}

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p[:min(len(p), r.chunk)], r.data)
	r.data = r.data[n:]
	if len(r.data) == 0 && r.together {
		return n, r.err
	}
	return n, nil
}

// TestBodyFailsMidway: a body that breaks off still gives a ServiceError
// with its status and what was read, and the caller reading on sees the
// same bytes, then the same failure.
func TestBodyFailsMidway(t *testing.T) {
	doc := loadSampleBody(t, "nosuchkey.xml")
	reset := errors.New("read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer")
	tests := []struct {
		name     string
		sent     []byte // what the reader gives before failing
		err      error
		together bool
		kept     int   // bytes FromResponse keeps
		seErr    error // ServiceError.Err
		code     string
	}{
		{"cut inside the document", doc[:200], io.ErrUnexpectedEOF, false, 200, io.ErrUnexpectedEOF, "NoSuchKey"},
		{"cut, error with the data", doc[:200], io.ErrUnexpectedEOF, true, 200, io.ErrUnexpectedEOF, "NoSuchKey"},
		{"cut before the code", doc[:50], io.ErrUnexpectedEOF, false, 50, io.ErrUnexpectedEOF, ""},
		{"nothing read", nil, io.ErrUnexpectedEOF, false, 0, io.ErrUnexpectedEOF, ""},
		{"reset", doc[:120], reset, true, 120, reset, "NoSuchKey"},
		{"failure past the cap stays with the caller", bytes.Repeat([]byte("z"), coserr.MaxBodyBytes+10), io.ErrUnexpectedEOF, false, coserr.MaxBodyBytes, nil, ""},
		{"failure with the byte at the cap", bytes.Repeat([]byte("z"), coserr.MaxBodyBytes), io.ErrUnexpectedEOF, true, coserr.MaxBodyBytes, io.ErrUnexpectedEOF, ""},
		{"failure on the read after the cap", bytes.Repeat([]byte("z"), coserr.MaxBodyBytes), io.ErrUnexpectedEOF, false, coserr.MaxBodyBytes, nil, ""},
	}
	for _, tt := range tests {
		for _, chunk := range []int{1, 7, 4096, 1 << 20} {
			t.Run(fmt.Sprintf("%s/chunk %d", tt.name, chunk), func(t *testing.T) {
				src := &trackedBody{Reader: &failingReader{data: tt.sent, chunk: chunk, err: tt.err, together: tt.together}}
				resp := &http.Response{StatusCode: 404, Header: http.Header{"X-Cos-Request-Id": {"req"}}, Body: src, ContentLength: -1}
				err := coserr.FromResponse(resp)
				var se *coserr.ServiceError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, 404, se.StatusCode)
				assert.Equal(t, "req", se.RequestID)
				assert.Equal(t, tt.code, se.Code)
				assert.True(t, bytes.Equal(tt.sent[:tt.kept], se.Body), "Body = %d bytes; want %d", len(se.Body), tt.kept)
				assert.Equal(t, tt.seErr, se.Err)
				if tt.seErr != nil {
					require.ErrorIs(t, err, tt.seErr)
				}
				require.ErrorIs(t, err, coserr.ErrNotFound)

				got, rerr := io.ReadAll(resp.Body)
				assert.Equal(t, tt.err, rerr)
				assert.True(t, bytes.Equal(tt.sent, got), "read back %d bytes; want the %d sent", len(got), len(tt.sent))
				n, rerr := resp.Body.Read(make([]byte, 8))
				assert.Equal(t, 0, n)
				assert.Equal(t, tt.err, rerr, "a read after the failure")
				require.NoError(t, resp.Body.Close())
				assert.Equal(t, 1, src.closed)
			})
		}
	}
}

// TestBodyOddReaders: readers that split, stall, time out or misbehave.
func TestBodyOddReaders(t *testing.T) {
	doc := loadSampleBody(t, "signaturedoesnotmatch.xml")
	stalls := func(n int) io.Reader {
		return io.MultiReader(&emptyReads{n: n}, bytes.NewReader(doc))
	}
	tests := []struct {
		name    string
		r       io.Reader
		code    string // "" when FromResponse cannot have read the code
		err     error  // ServiceError.Err and the caller's final error
		readErr error
	}{
		{"one byte at a time", iotest.OneByteReader(bytes.NewReader(doc)), "SignatureDoesNotMatch", nil, nil},
		{"half reads", iotest.HalfReader(bytes.NewReader(doc)), "SignatureDoesNotMatch", nil, nil},
		{"eof with the data", iotest.DataErrReader(bytes.NewReader(doc)), "SignatureDoesNotMatch", nil, nil},
		{"a few empty reads", stalls(10), "SignatureDoesNotMatch", nil, nil},
		{"too many empty reads", stalls(1000), "", nil, nil},
		{"timeout on the second read", iotest.TimeoutReader(bytes.NewReader(doc)), "SignatureDoesNotMatch", iotest.ErrTimeout, iotest.ErrTimeout},
		{"error at once", iotest.ErrReader(io.ErrClosedPipe), "", io.ErrClosedPipe, io.ErrClosedPipe},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := &http.Response{StatusCode: 403, Body: io.NopCloser(tt.r), ContentLength: -1}
			var se *coserr.ServiceError
			require.ErrorAs(t, coserr.FromResponse(resp), &se)
			assert.Equal(t, 403, se.StatusCode)
			assert.Equal(t, tt.code, se.Code)
			assert.Equal(t, tt.err, se.Err)
			got, err := io.ReadAll(resp.Body)
			assert.Equal(t, tt.readErr, err)
			if tt.readErr == nil {
				assert.Equal(t, string(doc), string(got))
			}
		})
	}
}

// emptyReads returns (0, nil) n times, then io.EOF.
type emptyReads struct{ n int }

func (r *emptyReads) Read([]byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	r.n--
	return 0, nil
}

// liar claims to have read more than it was given, or a negative count.
type liar struct{ n int }

func (r liar) Read([]byte) (int, error) { return r.n, nil }

func TestBodyLyingReader(t *testing.T) {
	for _, n := range []int{-1, coserr.MaxBodyBytes * 2} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			resp := &http.Response{StatusCode: 500, Body: io.NopCloser(liar{n}), ContentLength: -1}
			var se *coserr.ServiceError
			require.NotPanics(t, func() { require.ErrorAs(t, coserr.FromResponse(resp), &se) })
			assert.Equal(t, 500, se.StatusCode)
			require.Error(t, se.Err)
			_, err := resp.Body.Read(make([]byte, 10))
			assert.Equal(t, se.Err, err)
		})
	}
}

func TestBodyClose(t *testing.T) {
	closeErr := errors.New("close failed")
	for _, body := range [][]byte{nil, []byte("<Error><Code>NoSuchKey</Code></Error>"), bytes.Repeat([]byte("a"), coserr.MaxBodyBytes+1)} {
		t.Run(strconv.Itoa(len(body)), func(t *testing.T) {
			src := &trackedBody{Reader: bytes.NewReader(body), closeErr: closeErr}
			resp := &http.Response{StatusCode: 404, Body: src, ContentLength: int64(len(body))}
			require.Error(t, coserr.FromResponse(resp))
			assert.Zero(t, src.closed, "FromResponse closed the body")
			assert.Equal(t, closeErr, resp.Body.Close())
			assert.Equal(t, 1, src.closed)
		})
	}
	t.Run("no body", func(t *testing.T) {
		for _, b := range []io.ReadCloser{nil, http.NoBody} {
			resp := &http.Response{StatusCode: 404, Body: b}
			var se *coserr.ServiceError
			require.ErrorAs(t, coserr.FromResponse(resp), &se)
			assert.Nil(t, se.Body)
			assert.Equal(t, b, resp.Body)
		}
	})
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
