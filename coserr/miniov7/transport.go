package miniov7

import (
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/minio/minio-go/v7"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/internal/adapter"
)

// Transport wraps the RoundTripper of a minio client (minio.Options.
// Transport; nil means http.DefaultTransport) so that Wrap can give every
// field of an error response, as coserr.FromResponse does.
//
// For each response of 300 or more, and each 200 to a copy or to Complete
// Multipart Upload, Transport reads at most coserr.MaxBodyBytes of the
// body and puts back a body that reads from its first byte, so minio reads
// what it always did; other 2xx bodies are not read. minio keeps no link
// from its error to the response, so Transport keeps the last KeptResponses
// error responses of the process, and Wrap picks the one a
// minio.ErrorResponse came from by its status and request id (and its
// Server header and object name where minio kept them). So that a bodiless answer has an id minio reads, Transport copies
// COS's x-cos-request-id (else x-ci-request-id) into the x-amz-request-id
// header of an error response that has none: minio's ErrorResponse then
// carries COS's request id. A response without any request id (a proxy's
// page) is picked only when every kept response that could be it gives the
// same error; otherwise, or once it is no longer kept, Wrap maps minio's
// own fields.
func Transport(base http.RoundTripper) http.RoundTripper {
	return adapter.Transport(base, keep)
}

// KeptResponses is how many of the latest error responses Transport keeps
// for Wrap, each at most coserr.MaxBodyBytes of body.
const KeptResponses = 64

// keep adds the error of resp to the ring, first giving a response without
// an x-amz-request-id the COS request id, so that minio reads it.
func keep(resp *http.Response, se *coserr.ServiceError) {
	amzID := resp.Header.Get("X-Amz-Request-Id")
	if amzID == "" {
		if amzID = resp.Header.Get("X-Cos-Request-Id"); amzID == "" {
			amzID = resp.Header.Get("X-Ci-Request-Id")
		}
		if amzID != "" {
			h := resp.Header.Clone() // se.Header keeps the headers as received
			h.Set("X-Amz-Request-Id", amzID)
			resp.Header = h
		}
	}
	kept.add(entry{se: se, amzID: amzID, server: resp.Header.Get("Server")})
}

// entry is one kept error response.
type entry struct {
	se     *coserr.ServiceError
	amzID  string // the x-amz-request-id minio saw
	server string
}

// ring holds the latest KeptResponses entries.
type ring struct {
	mu      sync.Mutex
	entries [KeptResponses]entry
	next    int // where the next entry goes
}

// kept is the ring of every Transport: Wrap has no other way to them.
var kept ring

// add keeps e, dropping the oldest entry when the ring is full.
func (r *ring) add(e entry) {
	r.mu.Lock()
	r.entries[r.next] = e
	r.next = (r.next + 1) % KeptResponses
	r.mu.Unlock()
}

// lookup returns a copy of the kept error er came from, or nil when none
// or more than one different error fits.
func lookup(er minio.ErrorResponse) *coserr.ServiceError {
	kept.mu.Lock()
	defer kept.mu.Unlock()
	var found *coserr.ServiceError
	for i := range KeptResponses {
		e := kept.entries[(kept.next+KeptResponses-1-i)%KeptResponses] // newest first
		if e.se == nil || !e.fits(er) {
			continue
		}
		if found == nil {
			found = e.se
		} else if !same(found, e.se) {
			return nil // ambiguous: better no body than another request's
		}
	}
	if found == nil {
		return nil
	}
	c := *found
	return &c
}

// fits reports whether minio could have made er of e's response.
func (e entry) fits(er minio.ErrorResponse) bool {
	// minio keeps the Server header only of an XML <Error>.
	if e.se.StatusCode != er.StatusCode || er.Server != "" && e.server != er.Server {
		return false
	}
	if er.RequestID != "" {
		return er.RequestID == e.se.RequestID || er.RequestID == e.amzID
	}
	if e.se.RequestID != "" || e.amzID != "" {
		return false
	}
	// minio names the object of a code it made up; the request's path
	// ends with it.
	if er.Key != "" && !strings.HasSuffix(urlPath(e.se.URL), "/"+er.Key) {
		return false
	}
	return e.bodyFits(er)
}

// bodyFits reports whether minio could have read er from e's body: for
// a body that is no XML <Error>, minio's message is the status line (no
// body) or the body, trimmed and cut at 1 KiB with "..."; for an XML
// <Error>, its code and message; a code minio made up comes with no body.
func (e entry) bodyFits(er minio.ErrorResponse) bool {
	body := strings.TrimSpace(string(e.se.Body))
	switch {
	case isStatusLine(er.Code, er.StatusCode) && er.Message == er.Code:
		return body == ""
	case isStatusLine(er.Code, er.StatusCode):
		return er.Message != "" && strings.HasPrefix(body, strings.TrimSuffix(er.Message, "..."))
	case body == "":
		return stockMessages[er.StatusCode][er.Code] == er.Message
	}
	return e.se.Code == strings.TrimSpace(er.Code) && e.se.Message == er.Message
}

// urlPath is the unescaped path of a redacted URL.
func urlPath(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Path
}

// same reports whether two kept errors are the same answer.
func same(a, b *coserr.ServiceError) bool {
	return a.StatusCode == b.StatusCode && a.Code == b.Code && a.Message == b.Message &&
		a.RequestID == b.RequestID && a.TraceID == b.TraceID && a.Resource == b.Resource &&
		a.Method == b.Method && a.URL == b.URL && string(a.Body) == string(b.Body)
}
