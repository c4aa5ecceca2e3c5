package coserr

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"
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
		return fieldsOf(jsonChildren(body))
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

// firstByte is the first byte of body past a UTF-8 byte order mark and
// white space, or 0.
func firstByte(body []byte) byte {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	for _, c := range body {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c
	}
	return 0
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

// xmlChildren is the general XML path: encoding/xml reads the document and
// every child element of a root <Error> (in any namespace) is returned with
// its text. Entities, CDATA, comments and namespaces are all understood; a
// document that breaks off keeps the children completed before the break.
// isError reports whether the root element is <Error>.
func xmlChildren(body []byte) (kids []kv, isError bool) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	depth := 0
	var name string
	var text []byte
	for {
		tok, err := d.Token()
		if err != nil {
			return kids, isError
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch depth {
			case 1:
				if t.Name.Local != "Error" {
					return nil, false
				}
				isError = true
			case 2:
				name, text = t.Name.Local, text[:0]
			}
		case xml.CharData:
			if depth >= 2 {
				text = append(text, t...)
			}
		case xml.EndElement:
			if depth == 2 {
				kids = append(kids, kv{name, string(text)})
			}
			depth--
			if depth == 0 {
				return kids, isError
			}
		}
	}
}

// maxJSONDepth bounds how far jsonChildren descends into "Response" and
// "Error" objects.
const maxJSONDepth = 3

// jsonChildren lists the scalar members of a JSON error object, then those
// of its "Response" and "Error" objects, which hold the error in Tencent
// Cloud API 3.0 and some SDK forms. Numbers keep their literal text, so a
// numeric code 404 reads "404". Each level is sorted by name, so the
// result is stable.
func jsonChildren(body []byte) []kv {
	var kids []kv
	var visit func(raw json.RawMessage, depth int)
	visit = func(raw json.RawMessage, depth int) {
		var m map[string]json.RawMessage
		if depth > maxJSONDepth || json.Unmarshal(raw, &m) != nil {
			return
		}
		var level []kv
		var nested []string
		for k, v := range m {
			switch firstByte(v) {
			case '{':
				if k == "Response" || k == "Error" || k == "error" {
					nested = append(nested, k)
				}
			case '[', 0:
			case '"':
				var s string
				if json.Unmarshal(v, &s) == nil {
					level = append(level, kv{k, s})
				}
			default:
				level = append(level, kv{k, string(bytes.TrimSpace(v))})
			}
		}
		slices.SortFunc(level, func(a, b kv) int { return strings.Compare(a.name, b.name) })
		kids = append(kids, level...)
		slices.Sort(nested)
		for _, k := range nested {
			visit(m[k], depth+1)
		}
	}
	visit(body, 0)
	return kids
}

// parseJSONFast is the hot path for a flat JSON error object such as the
// fetch-task API's {"code": 404, "message": "...", "request_id": "..."}:
// one pass over the bytes, no encoding/json, and one string allocation for
// the fields. It gives what jsonChildren and fieldsOf give (for each field
// the member with the greatest name wins, and of equal names the last),
// and reports ok == false for anything it cannot read exactly as they
// would: nested objects or arrays, escapes, invalid UTF-8, or anything
// that is not one well-formed JSON object.
func parseJSONFast(body []byte, header http.Header) (f fields, ok bool) {
	i := skipSpace(body, 0)
	if i >= len(body) || body[i] != '{' {
		return f, false
	}
	var vals, names [numFields][]byte
	var seen [numFields]bool
	i = skipSpace(body, i+1)
	if i < len(body) && body[i] == '}' {
		i++
	} else {
		for {
			name, j := jsonString(body, i)
			if j < 0 {
				return f, false
			}
			if i = skipSpace(body, j); i >= len(body) || body[i] != ':' {
				return f, false
			}
			if i = skipSpace(body, i+1); i >= len(body) {
				return f, false
			}
			var val []byte
			switch c := body[i]; {
			case c == '"':
				val, j = jsonString(body, i)
			case c == '-' || ('0' <= c && c <= '9'):
				j = jsonNumber(body, i)
			case hasPrefix(body[i:], "true"):
				j = i + len("true")
			case hasPrefix(body[i:], "false"):
				j = i + len("false")
			case hasPrefix(body[i:], "null"):
				j = i + len("null")
			default:
				return f, false // an object or an array: the general path
			}
			if j < 0 {
				return f, false
			}
			if body[i] != '"' {
				val = body[i:j] // a literal keeps its text, as json.RawMessage does
			}
			if k := fieldSlot(name); k >= 0 && (!seen[k] || bytes.Compare(name, names[k]) >= 0) {
				seen[k], names[k], vals[k] = true, name, val
			}
			if i = skipSpace(body, j); i >= len(body) {
				return f, false
			}
			if body[i] == '}' {
				i++
				break
			}
			if body[i] != ',' {
				return f, false
			}
			i = skipSpace(body, i+1)
		}
	}
	if skipSpace(body, i) != len(body) {
		return f, false
	}
	return fieldsFromBytes(&vals, header), true
}

// jsonString returns the content of the JSON string that starts at b[i]
// and the index just past its closing quote, or j < 0 when it is not a
// plain string that decodes to its own bytes: one with an escape, a
// control character or invalid UTF-8, or one that does not end.
func jsonString(b []byte, i int) (s []byte, j int) {
	if i >= len(b) || b[i] != '"' {
		return nil, -1
	}
	for j = i + 1; j < len(b); {
		c := b[j]
		switch {
		case c == '"':
			return b[i+1 : j], j + 1
		case c == '\\' || c < 0x20:
			return nil, -1
		case c < utf8.RuneSelf:
			j++
		default:
			r, size := utf8.DecodeRune(b[j:])
			if r == utf8.RuneError && size == 1 {
				return nil, -1
			}
			j += size
		}
	}
	return nil, -1
}

// jsonNumber returns the index just past the JSON number that starts at
// b[i], or -1 when none does.
func jsonNumber(b []byte, i int) int {
	digits := func(i int) int {
		j := i
		for j < len(b) && '0' <= b[j] && b[j] <= '9' {
			j++
		}
		if j == i {
			return -1
		}
		return j
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i >= len(b):
		return -1
	case b[i] == '0':
		i++
	default:
		if i = digits(i); i < 0 {
			return -1
		}
	}
	if i < len(b) && b[i] == '.' {
		if i = digits(i + 1); i < 0 {
			return -1
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i = digits(i); i < 0 {
			return -1
		}
	}
	return i
}
