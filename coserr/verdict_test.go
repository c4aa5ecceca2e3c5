package coserr_test

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

const (
	completeURL = "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/big.bin?uploadId=1700000000abcdef"
	decl        = "<?xml version='1.0' encoding='utf-8' ?>\n"
	errorBody   = "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message><RequestId>rid</RequestId></Error>"
	completeOK  = "<CompleteMultipartUploadResult><Location>b/big.bin</Location><ETag>\"e\"</ETag></CompleteMultipartUploadResult>"
)

// spaces is n bytes of the white space COS sends while Complete Multipart
// Upload works.
func spaces(n int) string { return strings.Repeat(" ", n-n/8) + strings.Repeat("\n", n/8) }

// TestFromResponsePadding: white space before the verdict of a 200 does
// not count against MaxBodyBytes, and a 200 whose verdict cannot be read
// is an error, never a success.
func TestFromResponsePadding(t *testing.T) {
	big := 3 * coserr.MaxBodyBytes
	tests := []struct {
		name string
		body string
		code string // the ServiceError's code; "" for nil
		says string // the ClientError's text, when it is one
	}{
		{"white space before <?xml, then an error", spaces(big) + decl + errorBody, "InternalError", ""},
		{"white space after the declaration, then an error", decl + spaces(big) + errorBody, "InternalError", ""},
		{"white space on both sides, then an error", spaces(big) + decl + spaces(big) + errorBody, "InternalError", ""},
		{"white space after the declaration, then the result", decl + spaces(big) + completeOK, "", ""},
		{"white space before the result", spaces(big) + completeOK, "", ""},
		{"a BOM, then white space, then an error", "\ufeff" + spaces(10) + decl + errorBody, "InternalError", ""},
		{"nothing but white space", spaces(big), "", "ended before its verdict"},
		{"the declaration, then nothing", decl + spaces(100), "", "ended before its verdict"},
		{"empty", "", "", "ended before its verdict"},
		{"cut inside the root's name", decl + "<Err", "", "ended before its verdict"},
		{"a declaration longer than the bound", "<?xml " + strings.Repeat("a", coserr.MaxBodyBytes) + "?>" + errorBody, "", "within"},
		{"a comment longer than the bound", decl + "<!--" + strings.Repeat("a", coserr.MaxBodyBytes) + "-->" + errorBody, "", "within"},
		{"an error cut short", decl + spaces(big) + errorBody[:40], "InternalError", ""},
		{"a proxy's HTML page", "<html><body>Welcome to the hotel network</body></html>", "", "neither an <Error> nor a COS result"},
		{"no XML at all", "0", "", "neither an <Error> nor a COS result"},
		{"a result document COS does not send here", decl + "<ListBucketResult/>", "", "neither an <Error> nor a COS result"},
		{"the copy's result", decl + "<CopyObjectResult><ETag>\"e\"</ETag></CopyObjectResult>", "", ""},
		{"the part copy's result, with a namespace prefix", decl + "<s3:CopyPartResult xmlns:s3=\"x\"/>", "", ""},
		{"an error with a namespace prefix, as Parse reads it", decl + "<s3:Error xmlns:s3=\"x\"><s3:Code>InternalError</s3:Code></s3:Error>", "InternalError", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := request(t, http.MethodPost, completeURL)
			resp := &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(tt.body)), Request: req}
			err := coserr.FromResponse(resp)
			switch {
			case tt.code != "":
				var se *coserr.ServiceError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, tt.code, se.Code)
				assert.Equal(t, 200, se.StatusCode)
				assert.True(t, coserr.IsRetryable(err))
				assert.LessOrEqual(t, len(se.Body), coserr.MaxBodyBytes)
			case tt.says != "":
				var ce *coserr.ClientError
				require.ErrorAs(t, err, &ce, "FromResponse = %v; want a ClientError", err)
				assert.Contains(t, err.Error(), tt.says)
				assert.Equal(t, http.MethodPost, ce.Op)
			default:
				assert.NoError(t, err)
			}
			rest, rerr := io.ReadAll(resp.Body)
			require.NoError(t, rerr)
			assert.True(t, tt.body == string(rest), "the body is replayed whole (%d bytes read, %d sent)", len(rest), len(tt.body))
		})
	}
}

// TestFromResponsePaddingMemory: a long padding costs no memory in
// proportion to its length.
func TestFromResponsePaddingMemory(t *testing.T) {
	body := spaces(64<<20) + errorBody
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	resp := &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body)),
		Request: request(t, http.MethodPost, completeURL)}
	err := coserr.FromResponse(resp)
	runtime.ReadMemStats(&after)
	require.ErrorIs(t, err, coserr.InternalError)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(4*coserr.MaxBodyBytes), "bytes allocated for 64 MiB of padding")
}

// TestFromResponsePaddingOverHTTP: Complete Multipart Upload answered
// with 200, then padding sent while the merge runs, then an error.
func TestFromResponsePaddingOverHTTP(t *testing.T) {
	for _, tail := range []string{errorBody, completeOK} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(200)
			_, _ = io.WriteString(w, decl)
			for range 20 {
				_, _ = io.WriteString(w, spaces(coserr.MaxBodyBytes/4))
				w.(http.Flusher).Flush()
			}
			_, _ = io.WriteString(w, tail)
		}))
		resp, err := http.Post(srv.URL+"/big.bin?uploadId=1", "application/xml", strings.NewReader("<CompleteMultipartUpload/>"))
		require.NoError(t, err)
		err = coserr.FromResponse(resp)
		if tail == errorBody {
			assert.ErrorIs(t, err, coserr.InternalError)
		} else {
			assert.NoError(t, err)
		}
		body, rerr := io.ReadAll(resp.Body)
		require.NoError(t, rerr)
		assert.True(t, strings.HasSuffix(string(body), tail) && strings.HasPrefix(string(body), decl))
		resp.Body.Close()
		srv.Close()
	}
}

// TestFromResponsePaddingCanceled: a context canceled while the padding
// comes is an error that keeps its cause, never a success.
func TestFromResponsePaddingCanceled(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		_, _ = io.WriteString(w, decl+"   ")
		w.(http.Flusher).Flush()
		<-release
	}))
	defer srv.Close()
	defer close(release)
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/big.bin?uploadId=1", nil)
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	// The body's first bytes have come; the rest never will.
	resp.Body = &cancelOnRead{ReadCloser: resp.Body, cancel: cancel, after: len(decl) + 3}
	err = coserr.FromResponse(resp)
	require.Error(t, err)
	assert.ErrorIs(t, err, context.Canceled)
	assert.False(t, coserr.IsRetryable(err))
}

// cancelOnRead cancels once after bytes have been read.
type cancelOnRead struct {
	io.ReadCloser
	cancel func()
	after  int
	n      int
}

func (c *cancelOnRead) Read(p []byte) (int, error) {
	if c.n >= c.after {
		c.cancel()
	}
	n, err := c.ReadCloser.Read(p)
	c.n += n
	return n, err
}

// compress encodes s with a Content-Encoding.
func compress(t *testing.T, encoding, s string) []byte {
	var b bytes.Buffer
	var w io.WriteCloser
	switch encoding {
	case "gzip":
		w = gzip.NewWriter(&b)
	case "deflate":
		w = zlib.NewWriter(&b)
	case "raw deflate":
		fw, err := flate.NewWriter(&b, flate.BestCompression)
		require.NoError(t, err)
		w = fw
	}
	_, err := io.WriteString(w, s)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return b.Bytes()
}

// TestFromResponseCompressed: a gzip or deflate body is decoded within
// bounds, and resp.Body stays as received.
func TestFromResponseCompressed(t *testing.T) {
	copyReq := func() *http.Request {
		return request(t, http.MethodPut, "https://b-1250000000.cos.ap-guangzhou.myqcloud.com/c.csv", "x-cos-copy-source", "b/a")
	}
	getReq := func() *http.Request {
		return request(t, http.MethodGet, "https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a")
	}
	noSuchKey := decl + "<Error><Code>NoSuchKey</Code><Message>gone</Message><RequestId>NjU0ZjYxYjZf</RequestId><TraceId>OGVm</TraceId></Error>"
	bomb := decl + "<Error><Code>NoSuchKey</Code><RequestId>rid</RequestId><Message>" + strings.Repeat("A", 32<<20)
	tests := []struct {
		name, encoding, body string
		status               int
		req                  func() *http.Request
		code                 string
	}{
		{"gzip 404", "gzip", noSuchKey, 404, getReq, "NoSuchKey"},
		{"deflate 404", "deflate", noSuchKey, 404, getReq, "NoSuchKey"},
		{"raw deflate 404", "raw deflate", noSuchKey, 404, getReq, "NoSuchKey"},
		{"gzip inside a copy's 200", "gzip", decl + errorBody, 200, copyReq, "InternalError"},
		{"gzip padding inside a copy's 200", "gzip", spaces(8<<20) + decl + spaces(8<<20) + errorBody, 200, copyReq, "InternalError"},
		{"gzip copy result", "gzip", decl + "<CopyObjectResult><ETag>\"e\"</ETag></CopyObjectResult>", 200, copyReq, ""},
		{"gzip bomb", "gzip", bomb, 404, getReq, "NoSuchKey"},
		{"gzip bomb in a copy's 200", "gzip", bomb, 200, copyReq, "NoSuchKey"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := compress(t, strings.TrimPrefix(tt.encoding, "raw "), tt.body)
			if tt.encoding == "raw deflate" {
				raw = compress(t, "raw deflate", tt.body)
			}
			h := http.Header{}
			h.Set("Content-Encoding", strings.TrimPrefix(tt.encoding, "raw "))
			h.Set("X-Cos-Request-Id", "NjU0ZjYxYjZf")
			resp := &http.Response{StatusCode: tt.status, Header: h, Body: io.NopCloser(bytes.NewReader(raw)), Request: tt.req()}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			err := coserr.FromResponse(resp)
			runtime.ReadMemStats(&after)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(16*coserr.MaxBodyBytes), "bytes allocated")
			if tt.code == "" {
				assert.NoError(t, err)
			} else {
				var se *coserr.ServiceError
				require.ErrorAs(t, err, &se, "FromResponse = %v", err)
				assert.Equal(t, tt.code, se.Code)
				want := "rid"
				if tt.body == noSuchKey {
					want = "NjU0ZjYxYjZf"
				}
				assert.Equal(t, want, se.RequestID)
				assert.LessOrEqual(t, len(se.Body), coserr.MaxBodyBytes)
				assert.True(t, bytes.HasPrefix(se.Body, []byte("<")) || bytes.HasPrefix(se.Body, []byte(" ")), "Body is decoded")
			}
			rest, rerr := io.ReadAll(resp.Body)
			require.NoError(t, rerr)
			assert.True(t, bytes.Equal(raw, rest), "resp.Body is replayed as received, compressed")
		})
	}
}

// TestFromResponseCompressedEmpty: an empty gzip body ended before its
// verdict.
func TestFromResponseCompressedEmpty(t *testing.T) {
	resp := &http.Response{StatusCode: 200, Header: http.Header{"Content-Encoding": {"gzip"}}, Body: io.NopCloser(strings.NewReader("")),
		Request: request(t, http.MethodPost, completeURL)}
	err := coserr.FromResponse(resp)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "ended before its verdict")
}

// TestFromResponseCompressedCorrupt: a body that does not decode is an
// error all the same, never a success.
func TestFromResponseCompressedCorrupt(t *testing.T) {
	h := http.Header{"Content-Encoding": {"gzip"}}
	resp := &http.Response{StatusCode: 200, Header: h, Body: io.NopCloser(strings.NewReader("not gzip at all")),
		Request: request(t, http.MethodPost, completeURL)}
	err := coserr.FromResponse(resp)
	require.Error(t, err)
	assert.False(t, errors.Is(err, coserr.InternalError))
	rest, _ := io.ReadAll(resp.Body)
	assert.Equal(t, "not gzip at all", string(rest))
}
