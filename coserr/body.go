package coserr

// Reading an error body: the dispatch on its first byte to the XML or
// JSON readers (xml.go, json.go), and the fields they fill, by slot.

import (
	"net/http"
	"strings"
)

// kv is one child element of an <Error> document, or one member of a JSON
// error object, by name as sent.
type kv struct{ name, value string }

// The slots of the fields a body can give, and their number.
const (
	slotCode = iota
	slotMessage
	slotResource
	slotRequestID
	slotTraceID
	numFields
)

// fields are what an error body says of the error.
type fields struct {
	code, message, resource, requestID, traceID string
	isError                                     bool // an XML document whose root is <Error>
}

// parseBody reads the fields of an error body: an XML <Error> document or
// a JSON object. Anything else (empty, an HTML page from a proxy, a
// truncated document's missing part) yields what could be read, often
// nothing. It never fails and never panics.
func parseBody(body []byte) fields {
	return parseBodyIn(body, nil)
}

// parseBodyIn is parseBody for a response with these headers (nil for
// none). The result is the same; only its memory differs: a field the
// fast paths find equal to a string the response or the catalog already
// holds (COS repeats the body's RequestId and TraceId in x-cos-request-id
// and x-cos-trace-id; most codes are in the catalog) is that string, not a
// copy.
func parseBodyIn(body []byte, header http.Header) fields {
	switch firstByte(body) {
	case '<':
		if f, ok := parseXMLFast(body, header); ok {
			return f
		}
		kids, isError := xmlChildren(body)
		f := fieldsOf(kids)
		f.isError = isError
		return f
	case '{':
		if f, ok := parseJSONFast(body, header); ok {
			return f
		}
		return fieldsOf(jsonChildrenOf(body, true))
	}
	return fields{}
}

// bodyChildren lists the children of an <Error> document, or the members
// of a JSON error object, for Digest.
func bodyChildren(body []byte) []kv {
	switch firstByte(body) {
	case '<':
		kids, _ := xmlChildren(body)
		return kids
	case '{':
		return jsonChildren(body)
	}
	return nil
}

// fieldsOf picks the named fields out of a body's children, matching names
// without regard to case, '_' or '-' (Code, code; RequestId, request_id).
// A later child wins, so a nested JSON error object overrides its parent.
// All but the message lose surrounding white space.
func fieldsOf(kids []kv) fields {
	var f fields
	for _, c := range kids {
		v := trimSpace(c.value)
		switch fieldSlot(c.name) {
		case slotCode:
			f.code = v
		case slotMessage:
			f.message = c.value
		case slotResource:
			f.resource = v
		case slotRequestID:
			f.requestID = v
		case slotTraceID:
			f.traceID = v
		}
	}
	return f
}

// fieldsFromBytes is what the fast paths return: the fields in vals, by
// slot, all but the message trimmed of white space. A field equal to a
// string that header or the catalog holds is that string (see
// parseBodyIn); the others are copied into one string that they share, so
// the caller may reuse the body. It allocates once at most.
func fieldsFromBytes(vals *[numFields][]byte, header http.Header) fields {
	var f fields
	dst := [numFields]*string{&f.code, &f.message, &f.resource, &f.requestID, &f.traceID}
	n := 0
	for k, v := range vals {
		if k != slotMessage {
			v = trimSpace(v)
		}
		if s, ok := known(k, v, header); ok {
			*dst[k], v = s, nil
		}
		vals[k] = v
		n += len(v)
	}
	if n == 0 {
		return f
	}
	var b strings.Builder
	b.Grow(n)
	for _, v := range vals {
		b.Write(v)
	}
	all := b.String()
	for k, v := range vals {
		if len(v) > 0 {
			*dst[k], all = all[:len(v)], all[len(v):]
		}
	}
	return f
}

// The headers that carry the ids, in the order parse consults them when
// the body has none; a body's ids are often repeated in them.
var (
	requestIDHeaders = [...]string{headerRequestID, headerCIRequestID, headerS3RequestID}
	traceIDHeaders   = [...]string{headerTraceID, headerCITraceID, headerS3TraceID}
)

// known returns a string that already holds v, the value of field slot k:
// the catalog's spelling of a code, or a header's copy of an id. It
// allocates nothing.
func known(k int, v []byte, header http.Header) (string, bool) {
	if len(v) == 0 {
		return "", false
	}
	var names []string
	switch k {
	case slotCode:
		if c := codeIndex[string(v)]; c != nil {
			if c.name == string(v) {
				return c.name, true
			}
			for _, a := range c.aliases {
				if a == string(v) {
					return a, true
				}
			}
		}
		return "", false
	case slotRequestID:
		names = requestIDHeaders[:]
	case slotTraceID:
		names = traceIDHeaders[:]
	}
	for _, name := range names {
		// header[name] is header.Get(name) for a canonical name, without
		// canonicalizing it again.
		if hv := header[name]; len(hv) > 0 && hv[0] == string(v) {
			return hv[0], true
		}
	}
	return "", false
}

// fieldNames are the normalized names of the fields, by slot: code,
// message, resource, request id, trace id.
var fieldNames = [...][]string{
	{"code", "errorcode"},
	{"message", "errormessage"},
	{"resource"},
	{"requestid"},
	{"traceid"},
}

// fieldSlot is the slot of a child's name in fieldNames, compared without
// regard to case, '_' or '-', or -1. It does not allocate.
func fieldSlot[T string | []byte](name T) int {
	for k, names := range fieldNames {
		for _, want := range names {
			if normEqual(name, want) {
				return k
			}
		}
	}
	return -1
}

// normEqual reports whether name equals want, a lowercase name, when case,
// '_' and '-' in name are ignored.
func normEqual[T string | []byte](name T, want string) bool {
	j := 0
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '_' || c == '-':
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if j >= len(want) || want[j] != c {
			return false
		}
		j++
	}
	return j == len(want)
}
