package coserr

import (
	"bytes"
	"unicode/utf8"
)

// parseXMLFast is the hot path for the common COS error document:
//
//	<?xml version='1.0' encoding='utf-8' ?>
//	<Error><Code>NoSuchKey</Code><Message>...</Message>...</Error>
//
// It reads the document in one pass over the bytes, without encoding/xml,
// and copies the five fields out in a single string allocation that they
// share. It accepts only what it can read exactly as encoding/xml would:
// plain child elements holding plain text. Anything else (entities, CDATA,
// comments, namespaces, attributes, nested elements, carriage returns,
// characters XML forbids, another encoding, a document that breaks off)
// makes it report ok == false, and parseBody takes the general path. A
// differential test holds the two paths to the same answer.
func parseXMLFast(body []byte) (f fields, ok bool) {
	b := bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	i := skipSpace(b, 0)
	if bytes.HasPrefix(b[i:], []byte("<?xml")) {
		end := bytes.Index(b[i:], []byte("?>"))
		if end < 0 || !plainDecl(b[i+5:i+end]) {
			return f, false
		}
		i = skipSpace(b, i+end+2)
	}
	if !bytes.HasPrefix(b[i:], []byte("<Error>")) {
		return f, false
	}
	i += len("<Error>")

	// Offsets of the fields in b; -1 when absent.
	var span [5][2]int
	for k := range span {
		span[k] = [2]int{-1, -1}
	}
	for {
		i = skipSpace(b, i)
		if i >= len(b) || b[i] != '<' {
			return f, false
		}
		if bytes.HasPrefix(b[i:], []byte("</Error>")) {
			break
		}
		// <Name> or <Name/>
		j := i + 1
		for j < len(b) && isNameByte(b[j]) {
			j++
		}
		if j == i+1 || j >= len(b) || !isNameStart(b[i+1]) {
			return f, false
		}
		name := b[i+1 : j]
		var start, end int
		switch {
		case b[j] == '>':
			start = j + 1
			k := bytes.IndexByte(b[start:], '<')
			if k < 0 {
				return f, false
			}
			end = start + k
			if !plainText(b[start:end]) {
				return f, false
			}
			// </Name>
			c := end
			if len(b)-c < len(name)+3 || b[c+1] != '/' || !bytes.Equal(b[c+2:c+2+len(name)], name) || b[c+2+len(name)] != '>' {
				return f, false
			}
			i = c + 3 + len(name)
		case b[j] == '/' && j+1 < len(b) && b[j+1] == '>':
			start, end = j, j
			i = j + 2
		default:
			return f, false
		}
		if k := fieldSlot(name); k >= 0 {
			span[k] = [2]int{start, end}
		}
	}

	// One string for all five fields: the shortest run of b that holds them.
	lo, hi := len(b), 0
	for _, s := range span {
		if s[0] >= 0 && s[0] < s[1] {
			lo, hi = min(lo, s[0]), max(hi, s[1])
		}
	}
	var all string
	if lo < hi {
		all = string(b[lo:hi])
	}
	get := func(k int, trim bool) string {
		s := span[k]
		if s[0] < 0 || s[0] >= s[1] {
			return ""
		}
		v := all[s[0]-lo : s[1]-lo]
		if trim {
			v = trimSpace(v)
		}
		return v
	}
	f = fields{
		code:      get(0, true),
		message:   get(1, false),
		resource:  get(2, true),
		requestID: get(3, true),
		traceID:   get(4, true),
		isError:   true,
	}
	return f, true
}

// plainDecl reports whether the content of an XML declaration is one
// encoding/xml reads as this path does: version 1.0 and, if named, the
// encoding UTF-8.
func plainDecl(d []byte) bool {
	if !bytes.Contains(d, []byte(`version="1.0"`)) && !bytes.Contains(d, []byte(`version='1.0'`)) {
		return false
	}
	k := bytes.Index(d, []byte("encoding="))
	if k < 0 {
		return true
	}
	v := d[k+len("encoding="):]
	if len(v) < 7 || (v[0] != '"' && v[0] != '\'') || v[6] != v[0] {
		return false
	}
	return bytes.EqualFold(v[1:6], []byte("utf-8"))
}

// plainText reports whether text is character data that encoding/xml
// would return unchanged: no markup, no entities, no carriage returns
// (which it folds into newlines), and only characters XML allows.
func plainText(text []byte) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == '&' || c == '\r' || (c < 0x20 && c != '\t' && c != '\n') {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += size
	}
	return true
}

func isNameStart(c byte) bool {
	return c == '_' || ('A' <= c && c <= 'Z') || ('a' <= c && c <= 'z')
}

func isNameByte(c byte) bool {
	return isNameStart(c) || ('0' <= c && c <= '9') || c == '-' || c == '.'
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// trimSpace is strings.TrimSpace for the ASCII white space XML knows.
func trimSpace(s string) string {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}
