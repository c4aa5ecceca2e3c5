package coserr

// Reading a JSON error object: the one-pass fast path for a flat object,
// and the encoding/json path for everything else, held to the same answer
// by a differential test.

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"
)

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
				j = i + len("null") // no value: the member is left out
			default:
				return f, false // an object or an array: the general path
			}
			if j < 0 {
				return f, false
			}
			if body[i] != '"' {
				val = body[i:j] // a literal keeps its text, as json.RawMessage does
			}
			if k := fieldSlot(name); k >= 0 && body[i] != 'n' && (!seen[k] || bytes.Compare(name, names[k]) >= 0) {
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

// maxJSONDepth bounds how far jsonChildren descends into "Response" and
// "Error" objects.
const maxJSONDepth = 3

// jsonChildren lists the scalar members of a JSON error object, then those
// of its "Response" and "Error" objects, which hold the error in Tencent
// Cloud API 3.0 and some SDK forms. Numbers keep their literal text, so a
// numeric code 404 reads "404"; a null member is no value and is left
// out. Each level is sorted by name, so the result is stable.
//
// A body that is not one well-formed object is read as far as it goes,
// as an XML one is: a byte order mark is skipped, bytes that are not UTF-8
// read as U+FFFD, and a body cut short (a failed read, MaxBodyBytes) keeps
// the members completed before the cut.
func jsonChildren(body []byte) []kv { return jsonChildrenOf(body, false) }

// jsonChildrenOf is jsonChildren; of a body that is not well-formed, with
// fieldsOnly, it returns only the members named like a field (fieldSlot)
// and spends nothing on the others.
func jsonChildrenOf(body []byte, fieldsOnly bool) []kv {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(body) {
		body = textChars(body)
	}
	if !json.Valid(body) {
		i := skipSpace(body, 0)
		if i >= len(body) || body[i] != '{' {
			return nil
		}
		kids, _, _ := jsonObjectPrefix(body, i, 0, fieldsOnly)
		return kids
	}
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
				if isErrorMember(k) {
					nested = append(nested, k)
				}
			case '[', 'n', 0:
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

// isErrorMember reports whether a member named k holds an error object
// that jsonChildren reads.
func isErrorMember(k string) bool { return k == "Response" || k == "Error" || k == "error" }
