package coserr

import (
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
	var b strings.Builder
	fmt.Fprintf(&b, "&coserr.ServiceError{StatusCode:%d, Code:%q, Message:%q, Resource:%q, RequestID:%q, TraceID:%q, Method:%q, URL:%q, Body:",
		e.StatusCode, redact.Text(e.Code), redact.Text(e.Message), redact.Text(e.Resource),
		redact.Text(e.RequestID), redact.Text(e.TraceID), e.Method, redact.URLString(e.URL))
	if e.Body == nil {
		b.WriteString("[]byte(nil)")
	} else {
		fmt.Fprintf(&b, "[]byte(%q)", e.Origin())
	}
	b.WriteString(", Header:")
	if e.Header == nil {
		b.WriteString("http.Header(nil)")
	} else {
		b.WriteString(goStringHeader(e.Header))
	}
	b.WriteString(", Err:")
	if msg, ok := errorText(e.Err); e.Err == nil || !ok {
		b.WriteString("error(nil)")
	} else {
		fmt.Fprintf(&b, "%T(%q)", e.Err, redact.Text(msg))
	}
	b.WriteByte('}')
	return b.String()
}

// goStringHeader formats h for GoString, its keys sorted and its secrets
// redacted.
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
		vals := make([]string, len(h[k]))
		for j, v := range h[k] {
			if redact.Key(k) {
				v = redact.Redacted
			}
			vals[j] = redact.Text(v)
		}
		fmt.Fprintf(&b, "%q:%#v", k, vals)
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
	if msg, ok := errorText(e.Err); e.Err == nil || !ok {
		b.WriteString("error(nil)")
	} else {
		fmt.Fprintf(&b, "%T(%q)", e.Err, redact.Text(msg))
	}
	b.WriteByte('}')
	return b.String()
}
