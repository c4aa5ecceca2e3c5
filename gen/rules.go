package gen

import (
	"fmt"
	"go/token"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rules for single values of a catalog. Each is mirrored by a pattern
// in catalog.schema.json, which gen/schema_test.go holds to the same
// answers.

// isExported reports whether s is an exported Go identifier.
func isExported(s string) bool {
	return token.IsIdentifier(s) && token.IsExported(s)
}

// wireOK reports whether s can be a code as COS sends it: printable ASCII
// without the characters that would end a Markdown code span or table
// cell (backquote, backslash, vertical bar), and no space at either end.
func wireOK(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || c == '`' || c == '\\' || c == '|' {
			return false
		}
	}
	return s[0] != ' ' && s[len(s)-1] != ' '
}

var (
	familyName = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	sourceID   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	// An http(s) URL with a host, in the characters an autolink in a
	// Markdown table cell can hold.
	sourceURL = regexp.MustCompile(`^https?://[!#-.0-;=?-\[\]-_a-{}~][!#-;=?-\[\]-_a-{}~]*$`)
)

// familyNameOK reports whether s can name a family: ASCII letters and
// digits, starting with an upper-case letter ("COS", "Vector").
func familyNameOK(s string) bool { return familyName.MatchString(s) }

// sourceIDOK reports whether s can be a source id: lowercase letters and
// digits in words joined by single hyphens ("cos-api-7730").
func sourceIDOK(s string) bool { return sourceID.MatchString(s) }

// urlOK reports whether s can be a source's URL: http or https with a
// host, printable ASCII without space, '"', '<', '>', '\\', '`' or '|'.
func urlOK(s string) bool { return sourceURL.MatchString(s) }

// lineBreaks are the characters that end a line in YAML and Unicode.
const lineBreaks = "\n\r\u0085\u2028\u2029"

// textProblem says what keeps s from being a description, title or why,
// or returns "". White space of any kind is fine, since the renderers
// fold it; other control characters, byte order marks and bidirectional
// controls are not: the first two break Go source or Markdown, the last
// can make text read differently from what it is.
func textProblem(s string) string {
	if !utf8.ValidString(s) {
		return "is not valid UTF-8"
	}
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case unicode.IsControl(r):
			return fmt.Sprintf("has control character %U", r)
		case r == 0xFEFF:
			return "has a byte order mark (U+FEFF)"
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			return fmt.Sprintf("has bidirectional control character %U", r)
		}
	}
	return ""
}

// messageProblem says what keeps s from being the message of a sent_as
// entry, or returns "": it is compared with the <Message> COS sends after
// trimming space, so it must have something besides space, and it is
// printed as it is, so it must be one line of printable characters.
func messageProblem(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "is empty"
	}
	if !utf8.ValidString(s) {
		return "is not valid UTF-8"
	}
	for _, r := range s {
		if !unicode.IsGraphic(r) {
			return fmt.Sprintf("has non-printable character %U", r)
		}
	}
	return ""
}
