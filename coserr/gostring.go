package coserr

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/cosgo/errcatalog/coserr/internal/redact"
)

// GoString formats e for %#v as a Go composite literal of its fields,
// with every secret redacted: the string fields as Error redacts them, the
// URL as it is kept, Body as Origin shows it, header values named like a
// secret (see Origin) replaced and the others scrubbed, and Err by its
// text, scrubbed. A nil e is "(*coserr.ServiceError)(nil)".
func (e *ServiceError) GoString() string {
	if e == nil {
		return "(*coserr.ServiceError)(nil)"
	}
	v := e.shown()
	var b strings.Builder
	fmt.Fprintf(&b, "&coserr.ServiceError{StatusCode:%d, Code:%q, Message:%q, Resource:%q, RequestID:%q, TraceID:%q, Method:%q, URL:%q, Body:",
		v.StatusCode, v.Code, v.Message, v.Resource, v.RequestID, v.TraceID, v.Method, v.URL)
	if v.Body == nil {
		b.WriteString("[]byte(nil)")
	} else {
		fmt.Fprintf(&b, "[]byte(%q)", v.Body)
	}
	b.WriteString(", Header:")
	if v.Header == nil {
		b.WriteString("http.Header(nil)")
	} else {
		b.WriteString(goStringHeader(v.Header))
	}
	b.WriteString(", Err:")
	goStringErr(&b, e.Err)
	b.WriteByte('}')
	return b.String()
}

// goStringErr writes err for GoString: its type and its text, scrubbed;
// error(nil) for none or for one whose Error panics.
func goStringErr(b *strings.Builder, err error) {
	if t := causeText(err); t != nil {
		fmt.Fprintf(b, "%T(%q)", err, *t)
	} else {
		b.WriteString("error(nil)")
	}
}

// goStringHeader formats h, already redacted, for GoString, its keys
// sorted.
func goStringHeader(h http.Header) string {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString("http.Header{")
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q:%#v", k, h[k])
	}
	b.WriteByte('}')
	return b.String()
}

// GoString formats e for %#v as a Go composite literal of its fields,
// with every secret redacted: the URL as Error redacts it, and Err by its
// type and its text, scrubbed as Error quotes it. A nil e is
// "(*coserr.ClientError)(nil)".
func (e *ClientError) GoString() string {
	if e == nil {
		return "(*coserr.ClientError)(nil)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "&coserr.ClientError{Op:%q, URL:%q, Err:", e.Op, redact.URLString(e.URL))
	goStringErr(&b, e.Err)
	b.WriteByte('}')
	return b.String()
}

// MarshalJSON encodes e as encoding/json would encode its fields, under
// their names and types, with every secret redacted as GoString redacts
// it: Body holds the bytes Origin shows, Header the redacted values, and
// Err the cause's text, scrubbed (null for none).
func (e *ServiceError) MarshalJSON() ([]byte, error) {
	if e == nil {
		return []byte("null"), nil
	}
	return json.Marshal(e.shown())
}

// shownServiceError is what GoString and MarshalJSON show of a
// ServiceError: its fields, every secret redacted.
type shownServiceError struct {
	StatusCode                                               int
	Code, Message, Resource, RequestID, TraceID, Method, URL string
	Body                                                     []byte
	Header                                                   http.Header
	Err                                                      *string
}

// shown is e's fields with every secret redacted: the string fields as
// Error redacts them, the URL as it is kept, Body as Origin shows it, the
// headers by redactHeader, and Err by its text, scrubbed (nil for none).
func (e *ServiceError) shown() shownServiceError {
	v := shownServiceError{
		StatusCode: e.StatusCode, Code: redact.Text(e.Code), Message: redact.Text(e.Message),
		Resource: redact.Text(e.Resource), RequestID: redact.Text(e.RequestID), TraceID: redact.Text(e.TraceID),
		Method: e.Method, URL: redact.URLString(e.URL), Header: redactHeader(e.Header), Err: causeText(e.Err),
	}
	if e.Body != nil {
		v.Body = []byte(e.Origin())
	}
	return v
}

// MarshalJSON encodes e as encoding/json would encode its fields, with
// the URL redacted and Err as its text, scrubbed as Error quotes it (null
// for none).
func (e *ClientError) MarshalJSON() ([]byte, error) {
	if e == nil {
		return []byte("null"), nil
	}
	return json.Marshal(struct {
		Op, URL string
		Err     *string
	}{e.Op, redact.URLString(e.URL), causeText(e.Err)})
}

// causeText is err's text with its secrets redacted, or nil for no error
// and for one whose Error panics.
func causeText(err error) *string {
	msg, ok := errorText(err)
	if err == nil || !ok {
		return nil
	}
	msg = redact.Text(msg)
	return &msg
}

// redactHeader is a copy of h with the values of headers named like a
// secret replaced and every other value scrubbed; nil for nil.
func redactHeader(h http.Header) http.Header {
	if h == nil {
		return nil
	}
	out := make(http.Header, len(h))
	for k, vals := range h {
		red := make([]string, len(vals))
		for i, v := range vals {
			if redact.Key(k) {
				v = redact.Redacted
			}
			red[i] = redact.Text(v)
		}
		out[k] = red
	}
	return out
}
