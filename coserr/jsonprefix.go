package coserr

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// jsonObjectPrefix reads the members of the object that starts at b[i]
// ('{'), at depth depth, as jsonChildren reads a well-formed one: its
// scalar members sorted by name (of equal names, in order), then those of
// its error objects (isErrorMember) by name. It stops where b stops being
// JSON, or ends, and returns what was complete by then: a value cut short
// (a string without its closing quote, a number or literal at the very
// end) is left out. With fieldsOnly, only the members named like a field
// (fieldSlot) are returned, and the others cost no allocation. next is
// the index past the object; ok reports that it ended.
func jsonObjectPrefix(b []byte, i, depth int, fieldsOnly bool) (kids []kv, next int, ok bool) {
	type sub struct {
		name string
		kids []kv
	}
	var level []kv
	var nested []sub
	finish := func() []kv {
		slices.SortStableFunc(level, func(a, b kv) int { return strings.Compare(a.name, b.name) })
		slices.SortStableFunc(nested, func(a, b sub) int { return strings.Compare(a.name, b.name) })
		for _, n := range nested {
			level = append(level, n.kids...)
		}
		return level
	}
	for i++; ; {
		i = skipSpace(b, i)
		if i < len(b) && b[i] == ',' {
			i = skipSpace(b, i+1)
		}
		if i >= len(b) {
			return finish(), i, false
		}
		if b[i] == '}' {
			return finish(), i + 1, true
		}
		rawName, j := jsonStringSpan(b, i)
		if j < 0 {
			return finish(), i, false
		}
		name, kept := "", !fieldsOnly || fieldSlot(rawName) >= 0
		if bytes.IndexByte(rawName, '\\') >= 0 {
			if name = jsonUnquote(b[i:j]); name == "" {
				return finish(), i, false
			}
			kept = !fieldsOnly || fieldSlot(name) >= 0
		} else if kept || isErrorMember(string(rawName)) {
			name = string(rawName)
		}
		if i = skipSpace(b, j); i >= len(b) || b[i] != ':' {
			return finish(), i, false
		}
		if i = skipSpace(b, i+1); i >= len(b) {
			return finish(), i, false
		}
		switch c := b[i]; {
		case c == '"':
			raw, end := jsonStringSpan(b, i)
			if end < 0 {
				return finish(), i, false
			}
			if kept {
				v := string(raw)
				if bytes.IndexByte(raw, '\\') >= 0 {
					if v = jsonUnquote(b[i:end]); v == "" {
						return finish(), i, false
					}
				}
				level = append(level, kv{name, v})
			}
			j = end
		case c == '{' && isErrorMember(name) && depth < maxJSONDepth:
			var sk []kv
			sk, j, ok = jsonObjectPrefix(b, i, depth+1, fieldsOnly)
			nested = append(nested, sub{name, sk})
			if !ok {
				return finish(), j, false
			}
		case c == '{' || c == '[':
			if j = jsonSkipValue(b, i); j < 0 {
				return finish(), i, false
			}
		case c == '-' || '0' <= c && c <= '9':
			if j = jsonNumber(b, i); j < 0 || j >= len(b) {
				return finish(), i, false // a number at the very end may be cut
			}
			if kept {
				level = append(level, kv{name, string(b[i:j])})
			}
		default:
			lit := ""
			for _, l := range [...]string{"true", "false", "null"} {
				if hasPrefix(b[i:], l) {
					lit = l
				}
			}
			if lit == "" {
				return finish(), i, false
			}
			if j = i + len(lit); kept && lit != "null" {
				level = append(level, kv{name, lit})
			}
		}
		i = j
	}
}

// jsonUnquote decodes a JSON string with escapes, quotes included; ""
// when it does not decode (an escaped string is never empty).
func jsonUnquote(quoted []byte) string {
	var s string
	if json.Unmarshal(quoted, &s) != nil {
		return ""
	}
	return s
}

// jsonStringSpan returns the bytes between the quotes of the JSON string
// that starts at b[i], escapes undecoded, and the index past its closing
// quote; next is -1 when no string starts there or it does not end.
func jsonStringSpan(b []byte, i int) (raw []byte, next int) {
	if i >= len(b) || b[i] != '"' {
		return nil, -1
	}
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return b[i+1 : j], j + 1
		}
	}
	return nil, -1
}

// jsonSkipValue returns the index past the object or array that starts
// at b[i], or -1 when it does not end.
func jsonSkipValue(b []byte, i int) int {
	depth := 0
	for j := i; j < len(b); j++ {
		switch b[j] {
		case '"':
			_, next := jsonStringSpan(b, j)
			if next < 0 {
				return -1
			}
			j = next - 1
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				return j + 1
			}
		}
	}
	return -1
}
