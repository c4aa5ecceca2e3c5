// Package diagnose reads an error COS sent, or a failure on the client's
// side of a request, and says what went wrong: the findings it can read
// off the response and the request, and the report a person reads, with
// the catalog's hints. Package coserr (Diagnose) and errgen (errgen
// diagnose) both use it, so that the same error gives the same report.
//
// It works on plain data and imports only the standard library: neither
// package coserr nor the generated catalog is needed, so a broken
// coserr/codes_gen.go never stops errgen from running.
//
// Nothing it writes shows a secret: findings name a signature, a token
// or a key only to say that it differs, and Render scrubs the report of
// any secret that reached it in a message (see Scrub).
package diagnose

import (
	"net/http"
	"net/url"
	"strings"
	"time"
)

// ToolURL is the page of Tencent's own diagnosis tool, which takes a
// request id and answers with the causes COS's logs show (COS docs
// 436/41623).
const ToolURL = "https://console.cloud.tencent.com/cos5/diagnose"

// An Input is what is known of one failed request: the error response
// (or the client's failure) and, when known, the request as sent.
type Input struct {
	Status    int    // the HTTP status; 0 when unknown
	Code      string // the code as COS sent it; "" when none
	Message   string // the message as COS sent it
	Resource  string
	RequestID string
	TraceID   string
	Elements  map[string]string // every child of the error body by name: StringToSign, FormatString, ServerTime, Region, ...
	Header    http.Header       // the response's headers, when known

	ServerTime    time.Time     // the server's clock (body ServerTime, else Date); zero when unknown
	Skew          time.Duration // server clock minus local clock, when SkewKnown
	SkewKnown     bool
	RetryAfter    time.Duration // the server's Retry-After, when RetryAfterKnown
	RetryAfterSet bool

	Request *Request       // the request as sent; nil when unknown
	Client  *ClientFailure // the client's failure; nil for an error response

	IDHidden      bool // the input is a text that never shows a request id (a bare message or status line): no id in it says nothing of the response
	StatusUnknown bool // a pasted body that does not come with its code's usual status (a CI job's <Response>, inside a 200): none is to be inferred from the code

	Errors    int  // of a pasted text (ParseText): how many errors of the form read it holds
	LastError bool // the one read is the last of them (of a cos-go-sdk-v5 RetryError, the last attempt), not the first
}

// A Request is the request as sent, or as much of it as is known.
type Request struct {
	Method string      // "" when unknown
	URL    *url.URL    // nil when unknown
	Host   string      // the Host the request was sent with, when it differs from URL.Host
	Header http.Header // nil when unknown
}

// host is the host the request went to.
func (r *Request) host() string {
	if r == nil {
		return ""
	}
	if r.Host != "" {
		return r.Host
	}
	if r.URL != nil {
		return r.URL.Host
	}
	return ""
}

// A Hint is one likely cause and what to do about it, from the catalog.
type Hint struct {
	Cause   string
	Fix     string
	Message string // the COS message this hint is about; "" for any
}

// Facts are what the catalog says about the error's code, or about its
// class when the code is empty or unknown.
type Facts struct {
	Code        string // the catalog's code (refined: SignatureDoesNotMatch for AccessDenied + "SignatureDoesNotMatch"); "" when unknown
	Description string // what the code means
	Class       string // the class name; "" when none
	ClassText   string // what the class means
	Retryable   bool
	ClockSkew   bool     // the code says the local clock may be wrong
	Checks      []string // the checks the catalog asks for the code (CheckSignature, CheckCORS)
	Hints       []Hint   // most likely first
}

// The checks a code of the catalog can ask Findings for (its key checks),
// besides the clock's (clock_skew) and the class's (Throttled).
const (
	CheckSignature = "signature" // the FormatString COS computed against the request's
	CheckCORS      = "cors"      // the request's Origin against the bucket's CORS rules
)

// Checks lists every check a catalog entry can name.
var Checks = []string{CheckSignature, CheckCORS}

// OrderHints returns the hints that fit an error with this message, most
// likely first: those whose Message is the message first (compared
// without surrounding white space, a final period or case; a message that
// goes on after the hint's, as POST Object's adds its timestamps, fits
// too), then those for any message, in their order. A hint for another
// message is left out, since COS would have sent that message; when that
// leaves none, every hint is returned. The result is a new slice.
func OrderHints(hints []Hint, message string) []Hint {
	out := make([]Hint, 0, len(hints))
	m := normMessage(message)
	for _, h := range hints {
		if h.Message != "" && messageFits(m, normMessage(h.Message)) {
			out = append(out, h)
		}
	}
	for _, h := range hints {
		if h.Message == "" {
			out = append(out, h)
		}
	}
	if len(out) == 0 {
		return append(out, hints...)
	}
	return out
}

// messageFits reports whether an error's message m, normalized, is the
// hint's message h or h followed by more after a non-letter.
func messageFits(m, h string) bool {
	if m == h {
		return true
	}
	if !strings.HasPrefix(m, h) || h == "" {
		return false
	}
	c := m[len(h)]
	return !('a' <= c && c <= 'z' || '0' <= c && c <= '9')
}
