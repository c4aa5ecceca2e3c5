package coserr

// Byte-scanning helpers shared by the body readers.

import (
	"bytes"
)

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

// hasPrefix is bytes.HasPrefix for a string prefix, without converting it.
func hasPrefix(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix
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
func trimSpace[T string | []byte](s T) T {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}
