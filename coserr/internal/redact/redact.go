// Package redact removes secrets (signatures, credentials, tokens,
// passwords) from the URLs and texts that coserr's errors show.
package redact

import (
	"net/url"
	"strings"
)

// Redacted replaces every secret value.
const Redacted = "REDACTED"

// secretKeys are query parameters and header names whose values are
// credentials: COS's q-sign parameters (q-ak is the SecretId, q-signature
// the signature; q-sign-time and q-key-time are Redacted too, as
// presigned-URL guides advise), temporary-credential tokens, and the
// S3-compatible names. They are written as Key compares them:
// lowercase, without '-', '_', '.' or spaces, so that "q-ak", "Q_AK" and
// "q.ak" all match.
var secretKeys = []string{
	"qak", "sign", "sig", "authorization", "awsaccesskeyid", "passwd", "pwd",
}

// secretPrefixes and secretSuffixes catch the families, compared as
// secretKeys are: q-sign-time, q-sign-algorithm, q-key-time; x-cos-
// security-token, X-Amz-Signature, X-Amz-Credential, tmpSecretId,
// tmpSecretKey, client_secret, x-api-key and the like.
var (
	secretPrefixes = []string{"qsign", "qkey"}
	secretSuffixes = []string{
		"token", "signature", "secret", "secretid", "secretkey", "secretaccesskey",
		"credential", "credentials", "password", "apikey", "privatekey",
	}
)

// Key reports whether a query key or header name holds a secret.
// It percent-decodes k, then compares it without regard to case, '-',
// '_', '.' and spaces.
func Key(k string) bool {
	if strings.ContainsAny(k, "%+") {
		if u, err := url.QueryUnescape(k); err == nil {
			k = u
		}
	}
	for _, s := range secretKeys {
		if keyEqual(k, s) {
			return true
		}
	}
	for _, p := range secretPrefixes {
		if keyHasPrefix(k, p) {
			return true
		}
	}
	for _, s := range secretSuffixes {
		if keyHasSuffix(k, s) {
			return true
		}
	}
	return false
}

// isKeySep reports whether c is ignored when keys are compared.
func isKeySep(c byte) bool { return c == '-' || c == '_' || c == '.' || c == ' ' }

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// keyEqual reports whether k is want, a normalized key, when case and
// separators in k are ignored. It does not allocate.
func keyEqual(k, want string) bool {
	j := 0
	for i := 0; i < len(k); i++ {
		if isKeySep(k[i]) {
			continue
		}
		if j >= len(want) || lower(k[i]) != want[j] {
			return false
		}
		j++
	}
	return j == len(want)
}

// keyHasPrefix is strings.HasPrefix for keys, as keyEqual compares them.
func keyHasPrefix(k, p string) bool {
	j := 0
	for i := 0; i < len(k) && j < len(p); i++ {
		if isKeySep(k[i]) {
			continue
		}
		if lower(k[i]) != p[j] {
			return false
		}
		j++
	}
	return j == len(p)
}

// keyHasSuffix is strings.HasSuffix for keys, as keyEqual compares them.
func keyHasSuffix(k, s string) bool {
	j := len(s)
	for i := len(k) - 1; i >= 0 && j > 0; i-- {
		if isKeySep(k[i]) {
			continue
		}
		if lower(k[i]) != s[j-1] {
			return false
		}
		j--
	}
	return j == 0
}

// URL formats u with every secret query value and any password
// replaced by REDACTED. It is "" for a nil URL.
func URL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	if c.User != nil {
		if _, has := c.User.Password(); has {
			c.User = url.UserPassword(c.User.Username(), Redacted)
		}
	}
	c.RawQuery = redactQuery(c.RawQuery)
	c.Fragment, c.RawFragment = "", ""
	return Text(c.String())
}

// redactQuery replaces the values of secret keys in a raw query.
func redactQuery(q string) string {
	if q == "" {
		return q
	}
	var b strings.Builder
	for i, part := range strings.Split(q, "&") {
		if i > 0 {
			b.WriteByte('&')
		}
		key, _, hasValue := strings.Cut(part, "=")
		if hasValue && Key(key) {
			b.WriteString(key)
			b.WriteString("=" + Redacted)
			continue
		}
		b.WriteString(part)
	}
	return b.String()
}

// URLString redacts a URL given as text: parsed when it parses, and
// scrubbed as text either way.
func URLString(s string) string {
	if s == "" {
		return s
	}
	if u, err := url.Parse(s); err == nil {
		return URL(u)
	}
	return Text(s)
}

// scrub redacts secrets inside free text, such as a transport error that
// quotes the request URL, a header dump or a JSON document: the value of
// every "key=value", "key: value", "key = value", `"key": "value"`,
// `key="value"` and `\"key\":\"value\"` whose key is a secret, also when
// the '=' and '&' are percent-encoded (%3D, %26) as in a URL nested in a
// query, or the key itself is ("q%2Dak"). A quoted value runs to its
// closing quote; an unquoted one to the next delimiter, or, after the ':'
// of an unquoted key (a header), to the end of the line. Keys inside a
// value are looked at too: a secret value inside an unquoted one that runs
// on past it stretches the redaction (`sign=x:token:y z` hides "y z" too),
// one that begins past its end, after a quote, is Redacted on its own
// (`Credential=x-cos-security-token="y"`), and a quoted value or a
// header's line is Redacted up to its end and no further. It returns s
// itself, without allocating, when there is nothing to redact, and
// redacting twice changes nothing more.
func Text(s string) string {
	var b []byte       // nil until something is Redacted
	last := 0          // s[last:] is not yet copied into b
	from, to := 0, -1  // s[from:to] is to be Redacted; to < 0: nothing yet
	closed := false    // s[from:to] is a quoted value or a header's line: nothing inside runs on
	var ends valueEnds // remembers delimiter searches, so that scrub stays linear
	flush := func() {
		b = append(b, s[last:from]...)
		b = append(b, Redacted...)
		last, to = to, -1
	}
	for i := 0; i < len(s); i++ {
		if to >= 0 && i >= to {
			flush()
		}
		var opLen int
		colon := false
		switch {
		case s[i] == '=':
			opLen = 1
		case s[i] == ':':
			opLen, colon = 1, true
		case s[i] == '%' && i+2 < len(s) && s[i+1] == '3' && (s[i+2] == 'D' || s[i+2] == 'd'):
			opLen = 3
		default:
			continue
		}
		key, quoted := keyBefore(s, i)
		if key == "" || !Key(key) {
			continue
		}
		start, end, isClosed := ends.span(s, i+opLen, colon && !quoted, opLen == 3)
		switch {
		case end == start || s[start:end] == Redacted:
		case to >= 0 && closed: // inside a quoted value or a header's line, which is Redacted whole
		case to >= 0 && start > to: // begins past the value being Redacted, after its quote
			flush()
			fallthrough
		case to < 0:
			from, to, closed = start, end, isClosed
		case end > to && !closed:
			to = end // a value inside an unquoted one runs on past it
		}
	}
	if to >= 0 {
		flush()
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// keyBefore returns the key that ends at s[i], an operator: a run of
// letters, digits, '-', '_', '.', and percent-escapes, after optional
// white space and a closing quote (`"key":`, `\"key\":`). An escaped key
// is decoded and only its last run of key bytes kept, so "%3Fq%2Dak"
// gives "q-ak". quoted reports the closing quote.
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
	for j > 0 && (isKeyByte(s[j-1]) || s[j-1] == '%' || s[j-1] == '+') {
		j--
	}
	key = s[j:end]
	if strings.ContainsAny(key, "%+") {
		key = lastKeyRun(unescapeLoose(key))
	}
	return key, quoted
}

// unescapeLoose decodes the percent-escapes and '+' of a query key,
// leaving a '%' that starts no escape as it is.
func unescapeLoose(k string) string {
	b := make([]byte, 0, len(k))
	for i := 0; i < len(k); i++ {
		switch {
		case k[i] == '+':
			b = append(b, ' ')
		case k[i] == '%' && i+2 < len(k) && isHex(k[i+1]) && isHex(k[i+2]):
			b = append(b, unhex(k[i+1])<<4|unhex(k[i+2]))
			i += 2
		default:
			b = append(b, k[i])
		}
	}
	return string(b)
}

// lastKeyRun is the last run of key bytes in k.
func lastKeyRun(k string) string {
	j := len(k)
	for j > 0 && isKeyByte(k[j-1]) {
		j--
	}
	return k[j:]
}

// valueEnds remembers, for each way an unquoted value ends (a query's
// delimiters, a nested query's, the end of the line), the last run s[from:end]
// found to hold no delimiter, so that a value starting inside that run
// ends where it does without a second search.
type valueEnds [3]struct{ from, end int }

// span is where a secret value that follows an operator at s[start]
// begins and ends, past white space, and whether it is closed: quoted, or
// a header's line. A header's value (toEOL) runs to the
// end of the line, quotes and all. Otherwise a value in quotes, "v", 'v',
// `v` or \"v\", runs to the closing quote (a JSON escape \" does not close
// it) or, when there is none, to the end of the text; any other value is
// delimited as valueEnd says.
func (m *valueEnds) span(s string, start int, toEOL, nested bool) (from, to int, closed bool) {
	for start < len(s) && (s[start] == ' ' || s[start] == '\t') {
		start++
	}
	if toEOL {
		return start, m.end(s, start, endOfLine), true
	}
	if start >= len(s) {
		return start, start, false
	}
	switch q := s[start]; {
	case q == '\\' && start+1 < len(s) && s[start+1] == '"':
		open := start + 2
		if k := strings.Index(s[open:], `\"`); k >= 0 {
			return open, open + k, true
		}
		return open, len(s), true
	case q == '"' || q == '\'' || q == '`':
		open := start + 1
		for j := open; j < len(s); j++ {
			switch s[j] {
			case '\\':
				j++
			case q:
				return open, j, true
			}
		}
		return open, len(s), true
	}
	mode := endOfQueryValue
	if nested {
		mode = endOfNestedValue
	}
	return start, m.end(s, start, mode), false
}

// The ways an unquoted value ends, indexes into valueEnds.
const (
	endOfQueryValue  = iota // valueEnd
	endOfNestedValue        // valueEnd, nested
	endOfLine               // lineEnd
)

// end returns the remembered end for a value of the given mode starting
// at start, or searches for it and remembers it.
func (m *valueEnds) end(s string, start, mode int) int {
	if r := m[mode]; r.end > 0 && r.from <= start && start <= r.end {
		return r.end
	}
	var end int
	switch mode {
	case endOfLine:
		end = lineEnd(s, start)
	default:
		end = valueEnd(s, start, mode == endOfNestedValue)
	}
	m[mode].from, m[mode].end = start, end
	return end
}

// lineEnd is the index of the first line break at or after i, or len(s).
func lineEnd(s string, i int) int {
	for j := i; j < len(s); j++ {
		if s[j] == '\n' || s[j] == '\r' {
			return j
		}
	}
	return len(s)
}

// valueEnd is where an unquoted secret value starting at s[start] ends:
// at a quote, a line break, or the next delimiter of a query, a list or
// markup. In a nested query (the key's '=' was escaped,
// %3D) an escaped '&', %26, ends the value too; at the top level %26 is
// part of the value, an escaped '&' of the secret itself.
func valueEnd(s string, start int, nested bool) int {
	for j := start; j < len(s); j++ {
		switch c := s[j]; c {
		case '\r', '\n', '"', '\'', '`':
			return j
		case '&', ' ', '\t', '<', '>', '#', ';', ',', ')', ']', '}':
			return j
		case '%':
			if nested && j+2 < len(s) && s[j+1] == '2' && s[j+2] == '6' {
				return j
			}
		}
	}
	return len(s)
}

func isKeyByte(c byte) bool {
	return c == '-' || c == '_' || c == '.' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func isHex(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
