package coserr

import (
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
// end) is left out. next is the index past the object; ok reports that it
// ended. It allocates only the strings it returns.
func jsonObjectPrefix(b []byte, i, depth int) (kids []kv, next int, ok bool) {
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
		name, j, ok := jsonStringAt(b, i)
		if !ok {
			return finish(), i, false
		}
		if i = skipSpace(b, j); i >= len(b) || b[i] != ':' {
			return finish(), i, false
		}
		if i = skipSpace(b, i+1); i >= len(b) {
			return finish(), i, false
		}
		switch c := b[i]; {
		case c == '"':
			var v string
			if v, j, ok = jsonStringAt(b, i); !ok {
				return finish(), i, false
			}
			level = append(level, kv{name, v})
		case c == '{' && isErrorMember(name) && depth < maxJSONDepth:
			var sk []kv
			sk, j, ok = jsonObjectPrefix(b, i, depth+1)
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
			level = append(level, kv{name, string(b[i:j])})
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
			if j = i + len(lit); lit != "null" {
				level = append(level, kv{name, lit})
			}
		}
		i = j
	}
}

// jsonStringAt decodes the JSON string that starts at b[i], and returns
// the index past its closing quote; ok is false when none starts there,
// or it does not end or decode.
func jsonStringAt(b []byte, i int) (s string, next int, ok bool) {
	if i >= len(b) || b[i] != '"' {
		return "", i, false
	}
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			if json.Unmarshal(b[i:j+1], &s) != nil {
				return "", i, false
			}
			return s, j + 1, true
		}
	}
	return "", i, false
}

// jsonSkipValue returns the index past the object or array that starts
// at b[i], or -1 when it does not end.
func jsonSkipValue(b []byte, i int) int {
	depth := 0
	for j := i; j < len(b); j++ {
		switch b[j] {
		case '"':
			_, next, ok := jsonStringAt(b, j)
			if !ok {
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
