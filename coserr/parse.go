package coserr

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"slices"
	"strings"
)

// kv is one child element of an <Error> document, or one member of a JSON
// error object, by name as sent.
type kv struct{ name, value string }

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
	switch firstByte(body) {
	case '<':
		if f, ok := parseXMLFast(body); ok {
			return f
		}
		kids, isError := xmlChildren(body)
		f := fieldsOf(kids)
		f.isError = isError
		return f
	case '{':
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
		case 0:
			f.code = v
		case 1:
			f.message = c.value
		case 2:
			f.resource = v
		case 3:
			f.requestID = v
		case 4:
			f.traceID = v
		}
	}
	return f
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
