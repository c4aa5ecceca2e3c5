package bench

import (
	"bytes"
	_ "embed"
	"net/http"
	"net/url"
	"strconv"
)

var (
	//go:embed testdata/nosuchbucket_404.xml
	noSuchBucketXML []byte
	//go:embed testdata/signature_403.xml
	signatureXML []byte
	//go:embed testdata/fetchtask_404.json
	fetchTaskJSON []byte
)

// A Case is one COS error response, replayed on every benchmark
// iteration without allocating.
type Case struct {
	Name   string
	Status int
	Header http.Header
	Body   []byte // nil for no body (HEAD)
	Chunky bool   // sent without Content-Length, as with chunked encoding
	Method string
	URL    string
}

// The ids of the responses' headers. COS repeats an XML body's RequestId
// and TraceId in x-cos-request-id and x-cos-trace-id (COS-ERRORS.md (a),
// example 4), so the XML cases carry their own body's; the JSON case
// carries other ids (that its API repeats them is not documented).
const (
	noSuchBucketRequestID = "NjQ5ZjE0NjZfMzk4MjA4MDlfMjc0YjZfMTJmZWM2YQ=="
	signatureRequestID    = "NjA0NGFjMmFfZTViOTJhMDlfMjA0NDlfNzU0MzM4NQ=="
	otherRequestID        = "NjQ5ZjE0NjZfMzk4MjA4MDlfMjc0YjZfMTJmZWM2Yw=="
	traceID               = "OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NWFiNjAyMzdlM2RlMmVmOGNiNWIxYjYwNDFhYmQ="
	otherTraceID          = "OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NWFiNjAyMzdlM2RlMmVmOGNiNWIxYjYwNDFhYmU="
)

// Cases are the responses every peer is measured on: a typical 404
// NoSuchBucket with its TraceId; the same without Content-Length; a 403
// SignatureDoesNotMatch with StringToSign and FormatString; a JSON error of
// the fetch-task API; a HEAD 404 with no body.
func Cases() []Case {
	hdr := func(ctype string, body []byte, chunked bool, requestID, traceID string) http.Header {
		h := http.Header{
			"Server":           {"tencent-cos"},
			"Date":             {"Thu, 27 Nov 2026 08:00:00 GMT"},
			"Connection":       {"keep-alive"},
			"X-Cos-Request-Id": {requestID},
			"X-Cos-Trace-Id":   {traceID},
		}
		if ctype != "" {
			h.Set("Content-Type", ctype)
		}
		if !chunked {
			h.Set("Content-Length", strconv.Itoa(len(body)))
		}
		return h
	}
	const obj = "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/photos/2026/cat.jpg"
	return []Case{
		{Name: "NoSuchBucket404", Status: 404, Header: hdr("application/xml", noSuchBucketXML, false, noSuchBucketRequestID, traceID), Body: noSuchBucketXML, Method: "GET", URL: obj},
		{Name: "NoSuchBucket404Chunked", Status: 404, Header: hdr("application/xml", noSuchBucketXML, true, noSuchBucketRequestID, traceID), Body: noSuchBucketXML, Chunky: true, Method: "GET", URL: obj},
		{Name: "SignatureDoesNotMatch403", Status: 403, Header: hdr("application/xml", signatureXML, false, signatureRequestID, traceID), Body: signatureXML, Method: "PUT", URL: obj},
		{Name: "JSON404", Status: 404, Header: hdr("application/json", fetchTaskJSON, false, otherRequestID, otherTraceID), Body: fetchTaskJSON, Method: "GET", URL: "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/fetch/task-id"},
		{Name: "Head404", Status: 404, Header: hdr("", nil, false, otherRequestID, otherTraceID), Method: "HEAD", URL: obj},
	}
}

// A Replayer hands out the same response again and again: Next resets the
// body and the fields a consumer may have replaced, and allocates nothing.
type Replayer struct {
	c      *Case
	status string
	resp   http.Response
	req    http.Request
	body   body
}

// NewReplayer prepares the response for c.
func NewReplayer(c *Case) *Replayer {
	u, err := url.Parse(c.URL)
	if err != nil {
		panic(err)
	}
	r := &Replayer{c: c, status: strconv.Itoa(c.Status) + " " + http.StatusText(c.Status)}
	r.req = http.Request{Method: c.Method, URL: u, Header: http.Header{}, Host: u.Host}
	return r
}

// Next returns the response, as new. It sets each field in place rather
// than assigning a composite literal: the compiler builds such a literal on
// the stack and copies it in 16-byte moves that span the 8-byte stores
// just made, and a load that spans two stores cannot be forwarded from
// them, so every call after Next would wait for the copy to reach the
// cache. A response net/http made was written long before anyone asks
// about it; TestReplayerResets holds Next to every field.
func (r *Replayer) Next() *http.Response {
	c, resp := r.c, &r.resp
	resp.Status = r.status
	resp.StatusCode = c.Status
	resp.Proto, resp.ProtoMajor, resp.ProtoMinor = "HTTP/1.1", 1, 1
	resp.Header = c.Header
	resp.Body = http.NoBody
	resp.ContentLength = int64(len(c.Body))
	resp.TransferEncoding = nil
	resp.Close, resp.Uncompressed = false, false
	resp.Trailer = nil
	resp.Request = &r.req
	resp.TLS = nil
	if c.Chunky {
		resp.ContentLength = -1
		resp.TransferEncoding = chunked
	}
	if c.Body != nil {
		r.body.Reset(c.Body)
		resp.Body = &r.body
	}
	return resp
}

var chunked = []string{"chunked"}

// body is a bytes.Reader that closes.
type body struct{ bytes.Reader }

func (*body) Close() error { return nil }
