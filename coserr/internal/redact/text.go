package redact

import "strings"

// Text redacts the secrets in free text, such as a transport error's
// message or a value of an error document: every http:// or https:// URL
// in it (up to white space, a quote or an angle bracket), every escaped
// one, and every URL of another scheme (ftp://user:password@host), as
// URLString does, so that a path stays as it is; and the
// value of every secret key (see Key) in the shapes key=value, key: value
// (a header), "key": "value", key="value", \"key\":\"value\" and
// <Key>value</Key>. A key right after a '/' is a segment of a path
// (exports/sign=2024/a.csv, an object key) and no secret's name.
//
// A quoted value runs to its closing quote (a backslash escapes one) or
// the end of the text; a header's value to the end of its line; an
// element's to the next '<'; any other value to the next delimiter: white
// space, a quote, & ; , # ) ] } < or >. A secret value that starts inside
// an unquoted one and runs on further stretches the redaction. Text
// returns s itself, without allocating, when there is nothing to redact,
// and a second pass changes nothing.
func Text(s string) string {
	e := edits{s: s}
	from, to := 0, -1 // s[from:to] is to be redacted; to < 0: nothing pending
	closed := false   // s[from:to] is quoted, a header's line or an element: nothing inside runs on
	eol := -1         // the end of the line of the last header value
	for i := 0; i < len(s); i++ {
		if !textStarts[s[i]] {
			continue // nothing starts here; a pending value ends at the next byte that counts
		}
		if to >= 0 && i >= to {
			e.replace(from, to, Redacted)
			to = -1
		}
		if to < 0 && s[i]|0x20 == 'h' && (isURLStart(s[i:]) || isEscapedURLStart(s[i:])) {
			j := urlEnd(s, i)
			if r := urlText(s[i:j]); r != s[i:j] {
				e.replace(i, j, r)
			}
			i = j - 1
			continue
		}
		if to < 0 && s[i] == ':' && strings.HasPrefix(s[i:], "://") {
			// A URL of another scheme (ftp, socks5, s3): its userinfo
			// and query are redacted as an http URL's.
			st := i
			for st > 0 && isSchemeByte(s[st-1]) {
				st--
			}
			if st < i && st >= e.last {
				j := urlEnd(s, st)
				if r := URLString(s[st:j]); r != s[st:j] {
					e.replace(st, j, r)
				}
				i = j - 1
				continue
			}
		}
		var start, end int
		closes, header := true, false
		switch c := s[i]; c {
		case '=', ':':
			key, quoted := keyBefore(s, i)
			if !Key(key) || !quoted && inPath(s, i-len(key)) {
				continue
			}
			start, header = skipBlank(s, i+1), c == ':' && !quoted
		case '>':
			if key := elementBefore(s, i); key == "" || !Key(key) {
				continue
			}
			start = i + 1
		default:
			continue
		}
		if to >= 0 {
			// Inside the pending value. A quoted value that begins where it
			// ends joins it; nothing else changes a quoted value, a header's
			// line or an element. In an unquoted value, a header runs it on,
			// and any other value that begins inside it ends with it.
			joins := isQuote(s, start) && !header && s[i] != '>' && start >= to
			if closed && !joins || !closed && !header && start < to && !isQuote(s, start) {
				continue
			}
		}
		switch {
		case header:
			if start > eol {
				eol = lineEnd(s, start)
			}
			end = eol
		case s[i] == '>':
			end = len(s)
			if k := strings.IndexByte(s[start:], '<'); k >= 0 {
				end = start + k
			}
		default:
			start, end, closes = valueSpan(s, start)
		}
		switch {
		case end == start || s[start:end] == Redacted:
		case to < 0:
			from, to, closed = start, end, closes
		case start >= to: // it begins where the pending value ends: one value
			to, closed = end, closes
		case end > to && !closed: // it runs on past the unquoted value around it
			to = end
		}
	}
	if to >= 0 {
		e.replace(from, to, Redacted)
	}
	return e.String()
}

// textStarts marks the bytes at which Text may find something: a URL
// ('h' of http, ':' of "://"), a key's '=' or ':', an element's '>'. Text
// passes over every other byte at the cost of one load.
var textStarts = [256]bool{'h': true, 'H': true, ':': true, '=': true, '>': true}

// urlText redacts a URL found in text, escaped or not.
func urlText(u string) string {
	if isURLStart(u) {
		return URLString(u)
	}
	e := edits{s: "u=" + u} // an escaped URL is a query value
	redactQuery(&e, 0, e.s)
	if e.b == nil {
		return u
	}
	return e.String()[len("u="):]
}

// urlEnd is where a URL that starts at s[i] ends in text: at white space,
// a quote, an angle bracket, or the end, less the punctuation that ends a
// clause before it ("GET URL: 403", "see URL."); an escaped URL ends at
// '&' too.
func urlEnd(s string, i int) int {
	escaped := isEscapedURLStart(s[i:])
	j := i
	for ; j < len(s); j++ {
		switch s[j] {
		case ' ', '\t', '\r', '\n', '"', '\'', '`', '<', '>':
			return trimClause(s, i, j)
		case '&', ';', ',':
			if escaped {
				return j
			}
		}
	}
	return trimClause(s, i, j)
}

// trimClause backs j off over the ':', '.', ',', ';' or ')' that end
// s[i:j].
func trimClause(s string, i, j int) int {
	for j > i+1 && strings.IndexByte(":.,;)", s[j-1]) >= 0 {
		j--
	}
	return j
}

// keyBefore returns the key that ends at s[i], an operator: a run of
// letters, digits, '-', '_', '.', '%' and '+' after optional blanks and a
// closing quote (`"key":`, `\"key\":`), which quoted reports.
func keyBefore(s string, i int) (key string, quoted bool) {
	j := i
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	if j > 0 && (s[j-1] == '"' || s[j-1] == '\'') {
		j, quoted = j-1, true
		if j > 0 && s[j-1] == '\\' {
			j--
		}
	}
	end := j
	for j > 0 && isKeyByte(s[j-1]) {
		j--
	}
	return s[j:end], quoted
}

// inPath reports whether the key that starts at s[i] is a segment of a
// path, after a '/' ("exports/sign=2024/a.csv"): an object key, user
// data, and no secret's name.
func inPath(s string, i int) bool {
	return i > 0 && s[i-1] == '/'
}

// elementBefore returns the name of the XML start tag that the '>' at
// s[i] closes, or "".
func elementBefore(s string, i int) string {
	j := i
	for j > 0 && isKeyByte(s[j-1]) {
		j--
	}
	if j == i || j == 0 || s[j-1] != '<' {
		return ""
	}
	return s[j:i]
}

// valueSpan is where the value that starts at s[start] lies: inside its
// quotes, "v", 'v', `v` or \"v\", up to the closing one or the end
// (closed), or, unquoted, up to the next delimiter.
func valueSpan(s string, start int) (from, to int, closed bool) {
	if strings.HasPrefix(s[start:], `\"`) {
		if k := strings.Index(s[start+2:], `\"`); k >= 0 {
			return start + 2, start + 2 + k, true
		}
		return start + 2, len(s), true
	}
	if isQuote(s, start) {
		for j := start + 1; j < len(s); j++ {
			switch s[j] {
			case '\\':
				j++
			case s[start]:
				return start + 1, j, true
			}
		}
		return start + 1, len(s), true
	}
	if k := strings.IndexAny(s[start:], " \t\r\n\"'`&;,#)]}<>"); k >= 0 {
		return start, start + k, false
	}
	return start, len(s), false
}

// isQuote reports whether a quoted value starts at s[i].
func isQuote(s string, i int) bool {
	return i < len(s) && (s[i] == '"' || s[i] == '\'' || s[i] == '`' || strings.HasPrefix(s[i:], `\"`))
}

func skipBlank(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// lineEnd is where the line that holds s[i] ends: at its "\n" or "\r\n" (a
// lone "\r" ends no line), or len(s).
func lineEnd(s string, i int) int {
	k := strings.IndexByte(s[i:], '\n')
	if k < 0 {
		return len(s)
	}
	if j := i + k; j > i && s[j-1] == '\r' {
		return j - 1
	}
	return i + k
}

// isSchemeByte reports whether c can be part of a URL's scheme.
func isSchemeByte(c byte) bool {
	return c == '+' || c == '-' || c == '.' || '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z'
}

func isKeyByte(c byte) bool {
	return c == '-' || c == '_' || c == '.' || c == '%' || c == '+' ||
		'0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
