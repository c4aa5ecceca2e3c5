package coserr_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
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

// allocatedBy reports the bytes allocated by one call of f, the least of
// a few runs, so that a stray allocation elsewhere cannot inflate it.
func allocatedBy(f func()) uint64 {
	least := ^uint64(0)
	for range 3 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
	}
	return least
}

// fromResponseAllocs measures FromResponse on body and checks what it
// kept and that resp.Body still reads back the whole body.
func fromResponseAllocs(t *testing.T, body []byte, contentLength int64) uint64 {
	t.Helper()
	var resp *http.Response
	var err error
	src := &trackedBody{}
	n := allocatedBy(func() {
		src.Reader = bytes.NewReader(body) // allocates a few dozen bytes
		resp = &http.Response{StatusCode: 502, Header: http.Header{}, Body: src, ContentLength: contentLength}
		err = coserr.FromResponse(resp)
	})
	var se *coserr.ServiceError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 502, se.StatusCode)
	require.NoError(t, se.Err)
	kept := min(len(body), coserr.MaxBodyBytes)
	assert.True(t, bytes.Equal(body[:kept], se.Body), "Body holds %d bytes; want the first %d", len(se.Body), kept)
	got, rerr := io.ReadAll(resp.Body)
	require.NoError(t, rerr)
	assert.Equal(t, len(body), len(got))
	assert.True(t, bytes.Equal(body, got), "resp.Body does not read back the body byte for byte")
	require.NoError(t, resp.Body.Close())
	assert.Equal(t, 1, src.closed)
	return n
}

// repeatTo makes a body of about size bytes from a head, a repeated unit
// and a tail.
func repeatTo(size int, head, unit, tail string) []byte {
	n := (size - len(head) - len(tail)) / len(unit)
	return []byte(head + strings.Repeat(unit, n) + tail)
}

// tenMiB is a body of 10 MiB.
func tenMiB(head, unit, tail string) []byte { return repeatTo(10<<20, head, unit, tail) }

// TestBodyMemoryBounded: a body many times MaxBodyBytes (one of 10 MiB,
// the others of 1 MiB) costs FromResponse less than 2*MaxBodyBytes, and
// the caller still reads all of it.
func TestBodyMemoryBounded(t *testing.T) {
	const big = 1 << 20
	bodies := []struct {
		name string
		body []byte
	}{
		{"opaque bytes, 10 MiB", tenMiB("", "\x00\x01\xfe\xff binary ", "")},
		{"proxy html", repeatTo(big, "<html><head><title>502 Bad Gateway</title></head><body>", "<p>upstream failed</p>\n", "</body></html>")},
		{"json", repeatTo(big, `{"code":"InternalError","message":"`, "m", `"}`)},
		{"xml, not an error document", repeatTo(big, "<?xml version='1.0'?><ListBucketResult>", "<Contents><Key>k</Key></Contents>", "</ListBucketResult>")},
		{"cos error then padding", repeatTo(big, string(loadSampleBody(t, "nosuchkey.xml")), " ", "")},
	}
	for _, b := range bodies {
		for _, cl := range []int64{int64(len(b.body)), -1} {
			t.Run(fmt.Sprintf("%s/content-length %d", b.name, cl), func(t *testing.T) {
				n := fromResponseAllocs(t, b.body, cl)
				assert.Less(t, n, uint64(2*coserr.MaxBodyBytes), "FromResponse allocated %d bytes for a body of %d", n, len(b.body))
			})
		}
	}
}

// TestBodyMemoryIndependentOfSize: for bodies whose parse costs more than
// their bytes (many elements, entities, one huge field), what FromResponse
// allocates still does not grow with the body: 10 MiB costs what 128 KiB
// does, since both are cut at MaxBodyBytes.
func TestBodyMemoryIndependentOfSize(t *testing.T) {
	gens := []struct {
		name             string
		head, unit, tail string
	}{
		{"xml many children", "<Error><Code>SlowDown</Code>", "<X>1</X>", "</Error>"},
		{"xml entities", "<Error><Code>SlowDown</Code><Message>", "&amp;&lt;", "</Message></Error>"},
		{"xml huge message", "<Error><Code>SlowDown</Code><Message>", "m", "</Message></Error>"},
		{"json many members", `{"code":"SlowDown"`, `,"a":1`, "}"},
	}
	for _, g := range gens {
		t.Run(g.name, func(t *testing.T) {
			sized := func(size int) []byte {
				return []byte(g.head + strings.Repeat(g.unit, (size-len(g.head)-len(g.tail))/len(g.unit)) + g.tail)
			}
			small := fromResponseAllocs(t, sized(2*coserr.MaxBodyBytes), -1)
			large := fromResponseAllocs(t, sized(10<<20), -1)
			assert.LessOrEqual(t, large, small+1024, "FromResponse allocated %d bytes for 10 MiB; %d for 128 KiB", large, small)
		})
	}
}

func TestBodyCapEdges(t *testing.T) {
	for _, size := range []int{0, 1, 511, 512, 1024, 1025, 4097, coserr.MaxBodyBytes - 1, coserr.MaxBodyBytes, coserr.MaxBodyBytes + 1, 3*coserr.MaxBodyBytes + 7} {
		body := bytes.Repeat([]byte("0123456789abcdef"), size/16+1)[:size]
		for _, cl := range []int64{int64(size), -1, 0, int64(size / 2), int64(size) * 2} {
			t.Run(fmt.Sprintf("size %d, content-length %d", size, cl), func(t *testing.T) {
				fromResponseAllocs(t, body, cl)
			})
		}
	}
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

// TestParseReadsOnlyTheCap: Parse, like FromResponse, looks at no more
// than MaxBodyBytes, also for a 200 it must search for an <Error>.
func TestParseReadsOnlyTheCap(t *testing.T) {
	for _, status := range []int{200, 500} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			sized := func(size int) []byte {
				head, unit := "<Error><Code>InternalError</Code><Message>", "&amp;"
				return []byte(head + strings.Repeat(unit, (size-len(head))/len(unit)))
			}
			small, large := sized(2*coserr.MaxBodyBytes), sized(10<<20)
			var se *coserr.ServiceError
			nSmall := allocatedBy(func() { se, _ = coserr.Parse(status, nil, small).(*coserr.ServiceError) })
			nLarge := allocatedBy(func() { se, _ = coserr.Parse(status, nil, large).(*coserr.ServiceError) })
			require.NotNil(t, se)
			assert.Equal(t, "InternalError", se.Code)
			assert.Equal(t, coserr.MaxBodyBytes, len(se.Body))
			assert.LessOrEqual(t, nLarge, nSmall+1024, "Parse allocated %d bytes for 10 MiB; %d for 128 KiB", nLarge, nSmall)
		})
	}
}

func TestDigest(t *testing.T) {
	tests := []struct {
		name   string
		status int
		header http.Header
		body   []byte
		want   map[string]string
	}{
		{
			name: "signature diagnostics", status: 403, body: loadSampleBody(t, "signaturedoesnotmatch.xml"),
			want: map[string]string{
				"Status":       "403",
				"Code":         "SignatureDoesNotMatch",
				"Message":      "The Signature you specified is invalid.",
				"StringToSign": "sha1\n1615113257;1615199657\nc7503b92a8581b3f3f68c8f7f64a8917b03a1a95\n",
				"FormatString": "put\n/imagesresume-zh en_页面_1.png\n\nhost=o2-1258123310.cos.ap-beijing.myqcloud.com\n",
				"Resource":     "o2-00000000.cos.ap-beijing.myqcloud.com/imagesresume-zh+en_页面_1.png",
				"RequestId":    "NjA0NGFjMmFfZTViOTJhMDlfMjA0NDlfNzU0MzM4NQ==",
				"TraceId":      "OGVmYzZ…",
			},
		},
		{
			name: "ids from headers", status: 404, body: loadSampleBody(t, "nosuchbucket-notrace.xml"),
			header: http.Header{"X-Cos-Trace-Id": {"hdr-trace"}},
			want: map[string]string{
				"Status":    "404",
				"Code":      "NoSuchBucket",
				"Message":   "The specified bucket does not exist.",
				"Resource":  "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com",
				"RequestId": "NjQ5OTJmNjhfYmIxYjJjMGFfMjE3NDFfMWQ4ZDg3",
				"TraceId":   "hdr-trace",
			},
		},
		{
			name: "vector bucket", status: 400, body: loadSampleBody(t, "vector.json"),
			header: http.Header{"X-Cos-Error-Code": {"ValidationException"}},
			want:   map[string]string{"Status": "400", "Code": "ValidationException", "message": "VectorBucketName is invalid"},
		},
		{
			name: "json numeric code", status: 404, body: loadSampleBody(t, "fetch-numeric.json"),
			want: map[string]string{"Status": "404", "code": "404", "message": "fetch task not found",
				"request_id": "NjBhZjEyZmFfOGQ0ZjI0MGFfNmNlMF8xYjdiZDg="},
		},
		{
			name: "empty", status: 404, header: http.Header{"X-Cos-Request-Id": {"r"}},
			want: map[string]string{"Status": "404", "RequestId": "r"},
		},
		{
			name: "html", status: 502, body: loadSampleBody(t, "proxy.html"),
			want: map[string]string{"Status": "502"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fromBoth(t, tt.status, tt.header, tt.body, func(t *testing.T, se *coserr.ServiceError) {
				d := se.Digest()
				assert.Equal(t, tt.want, d)
				d["Status"] = "changed"
				assert.Equal(t, tt.want["Status"], se.Digest()["Status"], "Digest shares its map between calls")
			})
		})
	}
}

// TestErrorNeverQuotesBody: whatever the body holds, Error() is built from
// the parsed fields only.
func TestErrorNeverQuotesBody(t *testing.T) {
	for _, name := range []string{"proxy.html", "vector.json", "signaturedoesnotmatch.xml"} {
		t.Run(name, func(t *testing.T) {
			body := loadSampleBody(t, name)
			msg := coserr.Parse(400, nil, body).Error()
			assert.NotContains(t, msg, "<")
			assert.NotContains(t, msg, "fieldList")
			assert.False(t, strings.Contains(msg, "StringToSign"), "Error() = %q quotes the body", msg)
		})
	}
}
