package coserr

import (
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cosgo/errcatalog/coserr/internal/redact"
)

// A ServiceError is an error response from COS: a status of 300 or more,
// or an <Error> document inside a 200 (PUT Object - Copy and Complete
// Multipart Upload can answer that way). It carries what the COS Python
// SDK's CosServiceError exposes, and works with errors.Is: against a *Code
// by its code (aliases included), against a *Class by its code or, when the
// code is empty or unknown, by its status, and against fs.ErrNotExist and
// fs.ErrPermission for the classes NotFound and AccessDenied.
//
// FromResponse and Parse build ServiceErrors; one built by hand works too.
// All methods are safe on a nil *ServiceError.
//
// The methods that redact (Error, GoString, MarshalJSON, LogValue) are
// the pointer's: print, log and encode the *ServiceError. A ServiceError
// value (a dereferenced *ServiceError, or one held by value in a struct)
// has none of them, so fmt, log/slog and encoding/json show its fields as
// they are, Message, Resource, Body and Header with their secrets.
type ServiceError struct {
	StatusCode int
	Code       string      // as COS sent it, trimmed: the body's (of two, the later), else x-cos-error-code; "" when the response had none
	Message    string      // as COS sent it, verbatim, secrets and all: Error, LogValue and GoString redact them
	Resource   string      // the bucket or object address COS names, as sent
	RequestID  string      // body's RequestId, else x-cos-request-id, else x-ci-request-id, else x-amz-request-id
	TraceID    string      // body's TraceId, else x-cos-trace-id, else x-ci-trace-id, else x-amz-id-2
	Method     string      // of the request, when known
	URL        string      // of the request, signatures and tokens redacted
	Body       []byte      // raw body as received (decoded from gzip or deflate; a 200's padding left out), at most MaxBodyBytes, secrets and all: show Origin()
	Header     http.Header // the response's headers, when known, as received, secrets and all (a redirect's Location): GoString and MarshalJSON redact them
	Err        error       // an underlying error (the SDK's own, a failed body read, a body that did not decode), returned by Unwrap
}

var (
	_ error          = (*ServiceError)(nil)
	_ slog.LogValuer = (*ServiceError)(nil)
)

// Error formats the error as "cos: STATUS CODE: MESSAGE (request id ID)",
// on one line, the code, message and id verbatim but that line breaks and
// tabs become spaces and each is cut at 512 bytes, with "…" (the fields
// keep them whole). With no code, the status text stands in for it. It
// never includes the URL or the body, and a secret that the response
// echoes in these fields (a gateway quoting the Authorization header) is
// redacted, as in Origin.
func (e *ServiceError) Error() string {
	if e == nil {
		return "cos: <nil>"
	}
	b := make([]byte, 0, 48+len(e.Code)+len(e.Message)+len(e.RequestID))
	b = append(b, "cos: "...)
	b = strconv.AppendInt(b, int64(e.StatusCode), 10)
	if e.Code != "" {
		b = append(b, ' ')
		b = appendLine(b, redact.Text(e.Code), maxErrorMessage)
	} else if t := http.StatusText(e.StatusCode); t != "" {
		b = append(b, ' ')
		b = append(b, t...)
	}
	if e.Message != "" {
		b = append(b, ": "...)
		b = appendLine(b, redact.Text(e.Message), maxErrorMessage)
	}
	if e.RequestID != "" {
		b = append(b, " (request id "...)
		b = appendLine(b, redact.Text(e.RequestID), maxErrorMessage)
		b = append(b, ')')
	}
	return string(b)
}

// Unwrap returns Err, the underlying error, if any.
func (e *ServiceError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// Is reports whether e matches target without unwrapping: a *Code when e's
// code (or an alias of it) is that code; a *Class when e falls in it; and
// fs.ErrNotExist or fs.ErrPermission for the classes NotFound and
// AccessDenied. It never allocates.
func (e *ServiceError) Is(target error) bool {
	if e == nil {
		return false
	}
	if c, ok := target.(*Code); ok {
		k := Lookup(e.Code)
		return c != nil && (k == c || k.refined(e.Message) == c)
	}
	return classIs(e.Class(), target)
}

// Known returns the catalog's entry for e's code, or nil when the code is
// empty or not in the catalog. Where COS sends a more precise code as the
// message of this one, as it sends AccessDenied with the message
// "SignatureDoesNotMatch" or "Request has expired", Known returns the
// precise code's entry: the catalog says which messages refine which
// code (sent_as), and the message is compared after trimming white space.
// Class and Retryable follow Known, and errors.Is matches both codes.
func (e *ServiceError) Known() *Code {
	if e == nil {
		return nil
	}
	return knownCode(e.Code, e.Message)
}

// knownCode is the catalog's entry for code sent with message: the code COS
// sends that way (sent_as), else code's own entry; nil when code is empty
// or not in the catalog.
func knownCode(code, message string) *Code {
	if code == "" {
		return nil // no map lookup for a bodiless error's empty code
	}
	c := Lookup(code)
	if r := c.refined(message); r != nil {
		return r
	}
	return c
}

// Class returns the class of e's code or, when the code is empty or not in
// the catalog, of its HTTP status: 3xx ErrRedirect (304
// ErrPreconditionFailed), 401 ErrUnauthenticated, 403 ErrAccessDenied, 404
// ErrNotFound, 409 ErrConflict, 412 ErrPreconditionFailed, 429
// ErrThrottled, other 4xx ErrBadRequest, 5xx ErrServer. A known code
// decides whatever the status, one the catalog does not list for it
// included (NoSuchKey in a 500 is ErrNotFound, not retried). It is nil when
// the code is empty or unknown and the status is outside 300..599 (an
// <Error> inside a 200, a status of 0 or 600): nothing says the class.
func (e *ServiceError) Class() *Class {
	if e == nil {
		return nil
	}
	if c := e.Known(); c != nil {
		return c.class
	}
	return statusClass(e.StatusCode)
}

// Retryable reports whether the request is worth sending again: the
// catalog's flag for a known code; otherwise true for 408, 429 and every
// 5xx but 501.
func (e *ServiceError) Retryable() bool {
	if e == nil {
		return false
	}
	if c := e.Known(); c != nil {
		return c.retryable
	}
	return statusRetryable(e.StatusCode)
}

// Origin returns the body as received, up to MaxBodyBytes, like the
// Python SDK's get_origin_msg, with the values of secrets redacted and
// every other byte as received: a SignatureDoesNotMatch body's
// <FormatString> lists the signed parameters and headers, and with them
// x-cos-security-token, q-ak and q-signature. In an XML body each
// element's text is redacted on its own: an element named like a secret
// whole, the parameter and header lines of a <FormatString> (not its
// method and path), and in any other text the secrets in the shapes
// key=value, key: value, "key": "value" and signed URLs. Any other body is
// redacted as such text. Body keeps the raw bytes.
func (e *ServiceError) Origin() string {
	if e == nil {
		return ""
	}
	return redact.Body(string(e.Body))
}

// Digest returns every child element of the body's <Error> (or every
// member of a JSON error object) by name as sent, "Code", "Message",
// "Resource", "RequestId", "TraceId", "StringToSign", ..., plus "Status"
// and the code and ids the headers supplied when the body lacked them (a
// hand-built ServiceError with no body gives its fields this way). It
// is the counterpart of the Python SDK's get_digest_msg. Values that look
// like credentials, and the whole value of an element named like one
// (SecretKey, Token, ...), are redacted; the fields but Message are
// trimmed of white space, as the ServiceError holds them. Digest returns
// a new map on every call, nil for a nil receiver.
func (e *ServiceError) Digest() map[string]string {
	if e == nil {
		return nil
	}
	d := map[string]string{}
	var inBody [len(fieldNames)]bool // the body named the field, in any spelling
	for _, kv := range bodyChildren(e.Body) {
		if _, dup := d[kv.name]; !dup {
			d[kv.name] = digestValue(kv)
		}
		if k := fieldSlot(kv.name); k >= 0 && trimSpace(kv.value) != "" {
			inBody[k] = true
		}
	}
	d["Status"] = strconv.Itoa(e.StatusCode)
	// The fields the body lacked, under COS's XML names: a JSON body's
	// "code" or "request_id" is not repeated as "Code" or "RequestId".
	for k, f := range [...]struct{ key, value string }{
		{"Code", e.Code}, {"Message", e.Message}, {"Resource", e.Resource},
		{"RequestId", e.RequestID}, {"TraceId", e.TraceID},
	} {
		if _, ok := d[f.key]; !ok && !inBody[k] && f.value != "" {
			d[f.key] = redact.Text(f.value)
		}
	}
	return d
}

// LogValue makes e log as a group of its fields with log/slog: status,
// code, message, request_id, trace_id, resource, method and url, secrets
// redacted as in Error; empty fields and the body are left out.
func (e *ServiceError) LogValue() slog.Value {
	if e == nil {
		return slog.GroupValue()
	}
	attrs := make([]slog.Attr, 0, 8)
	attrs = append(attrs, slog.Int("status", e.StatusCode))
	for _, f := range [...]struct{ key, value string }{
		{"code", e.Code}, {"message", e.Message}, {"request_id", e.RequestID},
		{"trace_id", e.TraceID}, {"resource", e.Resource}, {"method", e.Method},
	} {
		if f.value != "" {
			attrs = append(attrs, slog.String(f.key, redact.Text(f.value)))
		}
	}
	if e.URL != "" {
		attrs = append(attrs, slog.String("url", redact.URLString(e.URL)))
	}
	return slog.GroupValue(attrs...)
}

// digestValue is what Digest shows of a body's child: Redacted for a
// secret's name, else its text with any secret in it redacted, trimmed
// for a field other than the message.
func digestValue(kv kv) string {
	if redact.Key(kv.name) {
		return redact.Redacted
	}
	v := kv.value
	if k := fieldSlot(kv.name); k >= 0 && k != slotMessage {
		v = trimSpace(v)
	}
	return redact.Text(v)
}

// maxErrorMessage is the most bytes of a message Error shows.
const maxErrorMessage = 512

// appendLine appends s to b on one line, at most max bytes of it, cut at a
// character boundary and marked with "…" when it is longer: line breaks
// and tabs become spaces.
func appendLine(b []byte, s string, max int) []byte {
	cut := len(s) > max
	if cut {
		i := max
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s = s[:i]
	}
	if strings.ContainsAny(s, "\r\n\t") {
		for i := 0; i < len(s); i++ {
			switch c := s[i]; c {
			case '\r', '\n', '\t':
				b = append(b, ' ')
			default:
				b = append(b, c)
			}
		}
	} else {
		b = append(b, s...)
	}
	if cut {
		b = append(b, "…"...)
	}
	return b
}
