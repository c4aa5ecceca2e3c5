package redact

import "strings"

// Body redacts the secrets in a response body and changes no other byte.
// An XML document is read element by element: the text of an element
// named like a secret (see Key) is replaced whole; the text of a
// <FormatString>, COS's account of what it signed (the method, the path,
// then the signed parameters and headers as key=value&key=value lines),
// keeps its first two lines, the method and the path, which are user
// data (but for a query on the path's line), and has the values of secret
// keys in the others redacted; any
// other text, CDATA section or tag is redacted as Text redacts it. Any
// other body is Text.
func Body(s string) string {
	if !strings.HasPrefix(strings.TrimLeft(s, "\ufeff \t\r\n"), "<") {
		return Text(s)
	}
	var b strings.Builder
	changed := false
	write := func(orig, red string) {
		if red != orig {
			changed = true
		}
		b.WriteString(red)
	}
	b.Grow(len(s))
	element := "" // the name of the start tag that the text at hand follows, or ""
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			write(s[i:i+j], elementText(element, s[i:i+j]))
			i += j
			continue
		}
		if strings.HasPrefix(s[i:], "<![CDATA[") {
			start := i + len("<![CDATA[")
			end := strings.Index(s[start:], "]]>")
			if end < 0 {
				end = len(s) - start
			}
			b.WriteString("<![CDATA[")
			write(s[start:start+end], elementText(element, s[start:start+end]))
			i = start + end
			if i < len(s) {
				b.WriteString("]]>")
				i += len("]]>")
			}
			continue
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			j = len(s) - i - 1
		}
		tag := s[i : i+j+1]
		write(tag, Text(tag))
		element = ""
		if len(tag) > 1 && isKeyByte(tag[1]) && !strings.HasSuffix(tag, "/>") {
			k := 1
			for k < len(tag) && isKeyByte(tag[k]) {
				k++
			}
			element = tag[1:k]
		}
		i += j + 1
	}
	if !changed {
		return s
	}
	return b.String()
}

// elementText redacts the text of the element named name.
func elementText(name, text string) string {
	switch {
	case name == "" || strings.TrimSpace(text) == "":
		return Text(text)
	case Key(name):
		return Redacted
	case name == "FormatString":
		return formatString(text)
	}
	return Text(text)
}

// formatString redacts a <FormatString>'s text: its first two lines, the
// method and the path, stay, but for a query on the path's line (a server
// that echoes the request's URI there, signature and all) from its '?'
// on; the rest is redacted as Text redacts it.
func formatString(text string) string {
	kept := 0
	for range 2 {
		j := strings.IndexByte(text[kept:], '\n')
		if j < 0 {
			return text
		}
		kept += j + 1
	}
	if q := strings.IndexByte(text[:kept], '?'); q >= 0 && strings.IndexByte(text[:q], '\n') >= 0 {
		kept = q // the path's line holds a query: redact from it on
	}
	rest := Text(text[kept:])
	if rest == text[kept:] {
		return text
	}
	return text[:kept] + rest
}
