package coserr

import "unicode/utf8"

// textChars returns body with each byte that is not UTF-8, and each
// character XML forbids (which JSON forbids in a string too), replaced by
// U+FFFD; body itself when it has none.
func textChars(body []byte) []byte {
	clean := true
	for i := 0; i < len(body) && clean; {
		r, size := utf8.DecodeRune(body[i:])
		clean = xmlChar(r, size)
		i += size
	}
	if clean {
		return body
	}
	out := make([]byte, 0, len(body)+16)
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		if xmlChar(r, size) {
			out = append(out, body[i:i+size]...)
		} else {
			out = utf8.AppendRune(out, utf8.RuneError)
		}
		i += size
	}
	return out
}

// xmlChar reports whether r, decoded from size bytes, is a character XML
// allows.
func xmlChar(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size <= 1:
		return false
	case r < 0x20:
		return r == '\t' || r == '\n' || r == '\r'
	}
	return r != 0xFFFE && r != 0xFFFF
}
