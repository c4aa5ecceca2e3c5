// Package coserrtest makes COS error responses for the tests of code that
// talks to Tencent Cloud COS, so that they can check their error handling
// without a network or an account.
//
// Response builds an *http.Response that looks like what COS sends: the
// status of the code, the headers COS sets and an XML <Error> document.
// Pass it to coserr.FromResponse, or return it from a fake
// http.RoundTripper:
//
//	resp := coserrtest.Response(coserr.NoSuchKey)
//	err := coserr.FromResponse(resp) // errors.Is(err, coserr.NoSuchKey)
//
//	resp = coserrtest.Response(nil, coserrtest.WithStatus(404), coserrtest.WithMethod(http.MethodHead))
//	err = coserr.FromResponse(resp) // a bodiless HEAD 404: errors.Is(err, coserr.ErrNotFound)
//
// Server starts an httptest server on 127.0.0.1 that answers chosen
// requests with chosen errors, and chosen ones with success (OK); point an
// SDK client or an http.Client at its URL. A request no route matches
// fails the test and gets 501 Not Implemented (code UnexpectedRequest), so
// that no client takes it for success:
//
//	srv := coserrtest.Server(t,
//		coserrtest.Route{Method: http.MethodPut, Path: "/big.bin", Code: coserr.SlowDown, Times: 2},
//		coserrtest.Route{Method: http.MethodPut, Path: "/big.bin", Handler: coserrtest.OK},
//		coserrtest.Route{Method: http.MethodGet, Path: "/missing", Code: coserr.NoSuchKey},
//	)
//	// PUT /big.bin: 503 SlowDown twice, then 200 OK; GET /missing: 404
//	// NoSuchKey; any other request: 501, and the test fails.
//
// A Route's Query tells apart requests of one method and path by their
// query: Route{Method: http.MethodPost, Path: "/big.bin", Query:
// "uploadId", ...} answers Complete Multipart Upload and not Initiate
// (?uploads).
//
// NewServer does the same outside a test, for examples and TestMain; its
// caller closes it.
//
// Response's request and trace ids are fixed (DefaultRequestID,
// DefaultTraceID) unless an option sets them, so that tests can compare
// them. Server gives every response ids of its own (NewRequestID,
// NewTraceID), as COS does, so that code matching errors to responses by
// id sees what it sees with COS; a route's WithRequestID fixes them.
package coserrtest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/cosgo/errcatalog/coserr"
)

// Defaults of Response, in the form COS uses.
const (
	// DefaultRequestID is the request id of a response, in the body and
	// the x-cos-request-id header, unless WithRequestID sets another.
	DefaultRequestID = "NjU0ZjYxYjZfOTBiMjBiMDlfMWQ3NF8xMjM0NTY3"
	// DefaultTraceID is the trace id of a response, in the body and the
	// x-cos-trace-id header, unless WithTraceID sets another.
	DefaultTraceID = "OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NWFiNjAyMzdlM2RlMmVmOGNiNWIxYjYwNDFhYmQ="
	// DefaultURL is the URL of the request a response answers, unless
	// WithURL sets another.
	DefaultURL = "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/exampleobject"
)

// An Option changes what Response builds.
type Option func(*options)

type options struct {
	status      int
	code        *string
	message     *string
	resource    *string
	requestID   string
	traceID     string
	method      string
	url         string
	header      http.Header // to set; an empty value deletes
	contentType string
	body        *string
}

// WithStatus sets the HTTP status, in place of the code's primary status.
func WithStatus(status int) Option { return func(o *options) { o.status = status } }

// WithCode sets the <Code> as sent, in place of the code's name: an alias
// such as "InternalErrror", a code the catalog lacks, or "" for none.
func WithCode(wire string) Option { return func(o *options) { o.code = &wire } }

// WithMessage sets the <Message>, in place of the code's description.
func WithMessage(msg string) Option { return func(o *options) { o.message = &msg } }

// WithResource sets the <Resource>, in place of the request URL's host and
// path.
func WithResource(resource string) Option { return func(o *options) { o.resource = &resource } }

// WithRequestID sets the request id, in the body's <RequestId> and the
// x-cos-request-id header; "" leaves both out.
func WithRequestID(id string) Option { return func(o *options) { o.requestID = id } }

// WithTraceID sets the trace id, in the body's <TraceId> and the
// x-cos-trace-id header; "" leaves both out.
func WithTraceID(id string) Option { return func(o *options) { o.traceID = id } }

// WithMethod sets the method of the request the response answers (GET by
// default). HEAD gives a response with the headers but no body, as COS
// answers a HEAD request.
func WithMethod(method string) Option { return func(o *options) { o.method = method } }

// WithURL sets the URL of the request the response answers (DefaultURL by
// default). Response panics when it does not parse, as
// httptest.NewRequest does.
func WithURL(rawURL string) Option { return func(o *options) { o.url = rawURL } }

// WithHeader sets a response header, replacing any default; an empty
// value removes the header. Use it for Retry-After, x-cos-error-code, or
// to drop x-cos-request-id.
func WithHeader(key, value string) Option {
	return func(o *options) {
		if o.header == nil {
			o.header = http.Header{}
		}
		o.header[http.CanonicalHeaderKey(key)] = []string{value}
	}
}

// WithBody sends body, with the given Content-Type, in place of the XML
// document: a JSON error, an HTML page from a proxy, a truncated document.
func WithBody(contentType, body string) Option {
	return func(o *options) { o.contentType, o.body = contentType, &body }
}

// Response builds the response COS sends for code: the code's primary
// status; headers Content-Type application/xml, Content-Length, Server
// tencent-cos, x-cos-request-id and x-cos-trace-id; and a body
//
//	<?xml version='1.0' encoding='utf-8' ?>
//	<Error>
//		<Code>NoSuchKey</Code>
//		<Message>The specified object key does not exist.</Message>
//		<Resource>examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/exampleobject</Resource>
//		<RequestId>NjU0ZjYxYjZfOTBiMjBiMDlfMWQ3NF8xMjM0NTY3</RequestId>
//		<TraceId>OGVmYzZi...</TraceId>
//	</Error>
//
// whose message is the code's description. Request is set to a GET of
// DefaultURL. Options change any of it. With a nil code there is no
// <Code> and no <Message>, and the status is 500 unless WithStatus sets
// it. The body can be
// read once, like a real one, and need not be closed.
func Response(code *coserr.Code, opts ...Option) *http.Response {
	o := options{
		status:    code.Status(),
		requestID: DefaultRequestID,
		traceID:   DefaultTraceID,
		method:    http.MethodGet,
		url:       DefaultURL,
	}
	if code == nil {
		o.status = http.StatusInternalServerError
	}
	for _, opt := range opts {
		opt(&o)
	}
	req, err := http.NewRequest(o.method, o.url, nil)
	if err != nil {
		panic(fmt.Sprintf("coserrtest: %v", err))
	}

	wire := code.Name()
	if o.code != nil {
		wire = *o.code
	}
	message := code.Description() // none for a nil code
	if o.message != nil {
		message = *o.message
	}
	resource := req.URL.Host + req.URL.EscapedPath()
	if o.resource != nil {
		resource = *o.resource
	}

	contentType := "application/xml"
	var body []byte
	if o.body != nil {
		contentType, body = o.contentType, []byte(*o.body)
	} else {
		body = errorDocument(wire, message, resource, o.requestID, o.traceID)
	}
	h := http.Header{}
	h.Set("Content-Type", contentType)
	h.Set("Server", "tencent-cos")
	if o.requestID != "" {
		h.Set("X-Cos-Request-Id", o.requestID)
	}
	if o.traceID != "" {
		h.Set("X-Cos-Trace-Id", o.traceID)
	}
	if o.method == http.MethodHead {
		body = nil
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	for k, v := range o.header {
		if v[0] == "" {
			h.Del(k)
		} else {
			h[k] = v
		}
	}

	resp := &http.Response{
		Status:        fmt.Sprintf("%d %s", o.status, http.StatusText(o.status)),
		StatusCode:    o.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Body:          http.NoBody,
		ContentLength: int64(len(body)),
		Request:       req,
	}
	if len(body) > 0 {
		resp.Body = io.NopCloser(bytes.NewReader(body))
	}
	return resp
}

// errorDocument is COS's XML error body; empty fields are left out.
func errorDocument(code, message, resource, requestID, traceID string) []byte {
	var b bytes.Buffer
	b.WriteString("<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n")
	for _, f := range [...]struct{ name, value string }{
		{"Code", code}, {"Message", message}, {"Resource", resource},
		{"RequestId", requestID}, {"TraceId", traceID},
	} {
		if f.value == "" {
			continue
		}
		fmt.Fprintf(&b, "\t<%s>", f.name)
		_ = xml.EscapeText(&b, []byte(f.value)) // a bytes.Buffer never fails
		fmt.Fprintf(&b, "</%s>\n", f.name)
	}
	b.WriteString("</Error>")
	return b.Bytes()
}
