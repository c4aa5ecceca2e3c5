package coserr

import (
	"errors"
	"io"
	"net/http"

	"github.com/cosgo/errcatalog/coserr/internal/redact"
	"github.com/cosgo/errcatalog/internal/diagnose"
)

// MaxBodyBytes is the most FromResponse reads of an error body, and the
// most a ServiceError keeps in Body. COS error documents are well under a
// kilobyte; SignatureDoesNotMatch with its StringToSign and FormatString
// runs to a few. Whatever lies past the cap stays in resp.Body, unread,
// so the memory FromResponse and Parse spend on a body does not grow with
// its length: the buffers that read it add up to less than
// 2*MaxBodyBytes, however long the body (a compressed body's decoding
// adds at most as much again, and the decompressor's own state).
const MaxBodyBytes = 64 << 10

// Response and request headers COS uses for errors.
const (
	headerErrorCode   = "X-Cos-Error-Code"
	headerRequestID   = "X-Cos-Request-Id"
	headerTraceID     = "X-Cos-Trace-Id"
	headerCIRequestID = "X-Ci-Request-Id"
	headerCITraceID   = "X-Ci-Trace-Id"
	headerS3RequestID = "X-Amz-Request-Id"
	headerS3TraceID   = "X-Amz-Id-2"
)

// isSuccess reports whether a response with this status is no error:
// 1xx and 2xx. Any other status, a valid error status or not (0 from a
// hand-built response, 600 from a broken proxy), is an error.
func isSuccess(status int) bool {
	return status >= 100 && status < 300
}

// errNoResponse is the cause of FromResponse's error for a nil response.
var errNoResponse = errors.New("no response")

// FromResponse turns a COS response into an error: nil for a 1xx or 2xx
// status (the body untouched), otherwise a *ServiceError with the status, the
// code, message and ids of the body (XML or JSON) or the headers, the
// request's method and redacted URL, and up to MaxBodyBytes of the raw body.
//
// The body is never lost: FromResponse reads at most MaxBodyBytes and then
// replaces resp.Body with a reader that gives back everything from the
// first byte, what it read followed by the rest of the original stream,
// and closes the original. Should the read fail midway, the ServiceError
// keeps what was read and the failure in Err, and reading resp.Body on
// gives the same bytes and then the same failure.
//
// The ServiceError's Body and the replay share one buffer, so the body
// costs its bytes once: treat Body as read-only. A body of at most
// MaxBodyBytes is read to its end, so closing resp.Body unread leaves
// net/http its connection for the next request; past MaxBodyBytes, read
// resp.Body to its end before Close to keep it, as with any body. The
// replay's Close closes the original once, and a read after Close fails
// with the original's error, as net/http's body does.
//
// A 200 can carry an error too: FromResponse reads the 2xx of PUT Object -
// Copy and Upload Part - Copy (the request has an x-cos-copy-source or
// x-amz-copy-source header) and of Complete Multipart Upload (a POST with
// uploadId in its query), read as COS reads the request: the method in
// any case, the header under any spelling of its name, the query
// parameter's name percent-decoded, spelled as the SDKs send it. It
// reads that 200 as far as its verdict, the name of its root
// element, and puts it back whole, as received. An <Error> there is a
// *ServiceError of that status. COS pads that 200 with white space while
// it works, for minutes: white space before the root, before or after
// the XML declaration, does not count against MaxBodyBytes and is not
// kept in Body (the request's context bounds the wait; the replay gives it
// back run by run, without holding it). The result's root element
// (CopyObjectResult, CopyPartResult, CompleteMultipartUploadResult) is
// success. A body that ends, fails, or holds no verdict within
// MaxBodyBytes, and one that is no XML or has another root (a proxy's
// page), is a *ClientError that says so, never a success. Every other 2xx
// body stays unread.
//
// A body with Content-Encoding gzip or deflate (a caller that set
// Accept-Encoding itself, a proxy that ignored identity), alone or with
// identity ("gzip, identity"), is decoded: at most MaxBodyBytes of it
// read, at most MaxBodyBytes decoded, so a compression bomb costs no
// more. Body then holds the decoded document; resp.Body still gives the
// bytes as received, compressed. An error body that does not decode
// (corrupt, cut short), or is compressed in a coding FromResponse does
// not decode (br, zstd, two codings), gives the fields it could read and
// says why in Err; a plain document under a wrong label is read as it is.
//
// A status outside 100..599 is an error too, of no class unless its code
// has one (a known code decides the class whatever the status).
// FromResponse(nil) is a *ClientError ("cos: no response"): no response is
// no success.
func FromResponse(resp *http.Response) error {
	if resp == nil {
		return &ClientError{Err: errNoResponse}
	}
	if isSuccess(resp.StatusCode) {
		// Only a PUT or a POST (in any case) can fail inside a 200; testing
		// the method's first byte first keeps a GET's 200 cheap.
		if req := resp.Request; req == nil || req.Method == "" || req.Method[0]|0x20 != 'p' || !diagnose.MayFailIn200(req) {
			return nil
		}
		return readVerdict(resp)
	}
	return fromResponse(resp)
}

// fromResponse is FromResponse for a response with an error status. A
// gzip or deflate body is decoded, at most MaxBodyBytes of it from at
// most MaxBodyBytes as received; resp.Body gives it back as received.
func fromResponse(resp *http.Response) error {
	r := &errorResponse{}
	body, readErr := r.body.capture(resp)
	body, decodeErr := decoded(resp.Header, body)
	r.se.parse(resp.StatusCode, resp.Header, body)
	if readErr == nil {
		readErr = decodeErr
	}
	r.se.Err = redactChain(readErr)
	r.se.setRequest(resp.Request)
	return &r.se
}

// errorResponse holds a ServiceError and the replay of its response's body
// in one allocation.
type errorResponse struct {
	se   ServiceError
	body replayBody
}

// Parse builds the ServiceError that a response with this status, header
// and body stands for. A body compressed as the header's Content-Encoding
// says is decoded as FromResponse decodes it, Body then holding the
// decoded document, and one that does not decode says so in Err. For a
// 1xx or 2xx status it returns nil unless the
// body is an <Error> document, as COS sends inside a 200 for PUT Object -
// Copy and Complete Multipart Upload. Parse reads only the first
// MaxBodyBytes of body, as FromResponse does, so a huge body costs no more
// than that; Body keeps them, sharing their memory: do not modify body
// afterwards. Parse never panics, whatever the input; header may be nil.
//
// The error is nil or a *ServiceError, never a typed nil, so that a
// function returning Parse's result as an error succeeds when it does.
func Parse(status int, header http.Header, body []byte) error {
	body = body[:min(len(body), MaxBodyBytes)] // what lies past the cap is never read
	body, decodeErr := decoded(header, body)
	if isSuccess(status) && !isErrorDocument(body) {
		return nil
	}
	e := &ServiceError{}
	e.parse(status, header, body)
	e.Err = decodeErr
	return e
}

// isErrorDocument reports whether body is an XML document whose root
// element is <Error>.
func isErrorDocument(body []byte) bool {
	if firstByte(body) != '<' {
		return false
	}
	return parseBody(body).isError
}

// parse fills e from a status, header and (capped) body: fields from the
// body, else from the headers.
func (e *ServiceError) parse(status int, header http.Header, body []byte) {
	f := parseBodyIn(body, header) // the same fields, sharing the header's strings where equal
	e.StatusCode = status
	e.Code, e.Message, e.Resource = f.code, f.message, f.resource
	e.RequestID, e.TraceID = f.requestID, f.traceID
	e.Header = header
	if len(body) > 0 {
		e.Body = body
	}
	if header == nil {
		return
	}
	if e.Code == "" {
		e.Code = trimSpace(header.Get(headerErrorCode)) // as a body's code is trimmed
	}
	if e.RequestID == "" {
		e.RequestID = firstHeader(header, requestIDHeaders[:])
	}
	if e.TraceID == "" {
		e.TraceID = firstHeader(header, traceIDHeaders[:])
	}
}

// replayBody replaces a response's body after FromResponse read its start:
// it gives back the bytes read, then the rest of the original body, or the
// error that stopped the first read.
type replayBody struct {
	head       []byte
	rest       io.ReadCloser
	err        error   // the read error FromResponse met, other than io.EOF
	eof        bool    // the original body is exhausted
	peek       [1]byte // the byte read past MaxBodyBytes to find the end
	peeked     bool    // peek holds that byte, until read back
	closeGuard         // in the padding after the bools: the struct stays 64 bytes
}

// capture reads up to MaxBodyBytes of resp.Body and puts r in its place.
// It returns what it read and the error that stopped it early, other than
// io.EOF.
//
// The buffer starts at the announced length plus one byte, so that the
// read that meets the end of a body of that length needs no larger buffer,
// or at 1 KiB when the length is unknown or 0 (a hand-built response often
// leaves ContentLength 0 with a body). It grows fourfold up to
// MaxBodyBytes, so all the buffers allocated on the way add up to at most
// a third more than the last: the memory a body costs stays under
// 2*MaxBodyBytes, whatever its length. Reading stops at MaxBodyBytes, at
// the end of the body, at an error, or after maxEmptyReads reads in a row
// that return nothing; a reader that claims to have read more than it was
// given, or a negative count, is a failure, not a panic.
func (r *replayBody) capture(resp *http.Response) ([]byte, error) {
	if resp.Body == nil || resp.Body == http.NoBody {
		return nil, nil
	}
	size := 1 << 10
	if n := resp.ContentLength; n > 0 {
		size = int(min(n+1, MaxBodyBytes))
	}
	buf := make([]byte, 0, size)
	var err error
	for empty := 0; len(buf) < MaxBodyBytes && empty < maxEmptyReads; {
		if len(buf) == cap(buf) {
			grown := make([]byte, len(buf), min(4*cap(buf), MaxBodyBytes))
			copy(grown, buf)
			buf = grown
		}
		p := buf[len(buf):cap(buf)]
		var n int
		n, err = resp.Body.Read(p)
		if n < 0 || n > len(p) {
			n, err = 0, errBadReadCount
		}
		buf = buf[:len(buf)+n]
		if err != nil {
			break
		}
		if n == 0 {
			empty++
		} else {
			empty = 0
		}
	}
	r.head, r.rest = buf, resp.Body
	if errors.Is(err, io.EOF) {
		r.eof, err = true, nil
	}
	r.err = err
	if err == nil && len(buf) == MaxBodyBytes {
		r.peekEnd()
	}
	resp.Body = r
	if len(buf) == 0 {
		buf = nil
	}
	return buf, err
}

// peekEnd reads one byte past MaxBodyBytes, kept for the replay, so that
// a body of exactly MaxBodyBytes whose end comes only with the next read
// (a chunked one) is seen to its end, and net/http keeps its connection.
// A failure of that read is the replay's, not the ServiceError's: it lies
// past what FromResponse reads.
func (r *replayBody) peekEnd() {
	n, err := r.rest.Read(r.peek[:])
	if n < 0 || n > 1 {
		n, err = 0, errBadReadCount
	}
	r.peeked = n == 1
	switch {
	case errors.Is(err, io.EOF):
		r.eof = true
	case err != nil:
		r.err = err
	}
}

// maxEmptyReads is how many reads in a row may return no bytes and no
// error before capture leaves the rest of the body to the caller, as
// bufio.Reader gives up after 100.
const maxEmptyReads = 100

// errBadReadCount is the failure of a body whose Read returned a count
// outside 0..len(p).
var errBadReadCount = errors.New("coserr: response body returned an invalid count from Read")

// Read gives the captured bytes, then the original stream; after Close
// it fails.
func (r *replayBody) Read(p []byte) (int, error) {
	if err := r.readErr(r.rest); err != nil {
		return 0, err
	}
	if len(r.head) > 0 {
		n := copy(p, r.head)
		r.head = r.head[n:]
		return n, nil
	}
	if r.peeked && len(p) > 0 {
		p[0], r.peeked = r.peek[0], false
		return 1, nil
	}
	switch {
	case r.err != nil:
		return 0, r.err
	case r.eof:
		return 0, io.EOF
	}
	return r.rest.Read(p)
}

// Close closes the original body, once.
func (r *replayBody) Close() error {
	return r.close(r.rest)
}

// firstHeader is the first non-empty value of the named headers, which
// are canonical.
func firstHeader(h http.Header, names []string) string {
	for _, name := range names {
		if v := h[name]; len(v) > 0 && v[0] != "" {
			return v[0]
		}
	}
	return ""
}

// setRequest records the method and redacted URL of req, if any; an empty
// method is GET, as net/http reads it.
func (e *ServiceError) setRequest(req *http.Request) {
	if req == nil {
		return
	}
	e.Method = req.Method
	if e.Method == "" {
		e.Method = http.MethodGet
	}
	e.URL = redact.URL(req.URL)
}
