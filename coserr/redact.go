package coserr

import (
	"net/url"
	"strings"
)

// redacted replaces every secret value.
const redacted = "REDACTED"

// secretKeys are query parameters and header names whose values are
// credentials: COS's q-sign parameters (q-ak is the SecretId, q-signature
// the signature; q-sign-time and q-key-time are redacted too, as
// presigned-URL guides advise), temporary-credential tokens, and the
// S3-compatible names. Keys match without regard to case.
var secretKeys = []string{
	"q-ak", "q-signature", "sign", "signature", "authorization",
	"x-cos-security-token", "x-ci-security-token", "security-token", "securitytoken",
	"x-amz-signature", "x-amz-credential", "x-amz-security-token",
	"token", "access_token", "accesstoken", "sessiontoken", "session_token",
	"secretid", "secret_id", "secretkey", "secret_key", "tmpsecretid", "tmpsecretkey",
	"password", "passwd",
}

// secretPrefixes and secretSuffixes catch the families: q-sign-time,
// q-sign-algorithm, q-key-time; x-foo-token, foo-signature, foo-secret.
var (
	secretPrefixes = []string{"q-sign", "q-key"}
	secretSuffixes = []string{"token", "signature", "secret", "secretkey", "credential", "password"}
)

// isSecretKey reports whether a query key or header name holds a secret.
func isSecretKey(k string) bool {
	if strings.ContainsAny(k, "%+") {
		if u, err := url.QueryUnescape(k); err == nil {
			k = u
		}
	}
	for _, s := range secretKeys {
		if strings.EqualFold(k, s) {
			return true
		}
	}
	for _, p := range secretPrefixes {
		if len(k) >= len(p) && strings.EqualFold(k[:len(p)], p) {
			return true
		}
	}
	for _, s := range secretSuffixes {
		if len(k) >= len(s) && strings.EqualFold(k[len(k)-len(s):], s) {
			return true
		}
	}
	return false
}

// redactURL formats u with every secret query value and any password
// replaced by REDACTED. It is "" for a nil URL.
func redactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	if c.User != nil {
		if _, has := c.User.Password(); has {
			c.User = url.UserPassword(c.User.Username(), redacted)
		}
	}
	c.RawQuery = redactQuery(c.RawQuery)
	c.Fragment, c.RawFragment = "", ""
	return scrub(c.String())
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
		if hasValue && isSecretKey(key) {
			b.WriteString(key)
			b.WriteString("=" + redacted)
			continue
		}
		b.WriteString(part)
	}
	return b.String()
}

// redactString redacts a URL given as text: parsed when it parses, and
// scrubbed as text either way.
func redactString(s string) string {
	if s == "" {
		return s
	}
	if u, err := url.Parse(s); err == nil {
		return redactURL(u)
	}
	return scrub(s)
}

// scrub redacts secrets inside free text, such as a transport error that
// quotes the request URL: every "key=value" and "key: value" whose key is
// a secret, also when the '=' and '&' are percent-encoded (%3D, %26) as in
// a URL nested in a query. A value runs to the next delimiter; after ':'
// it runs to the end of the line.
func scrub(s string) string {
	var b []byte // nil until something is redacted
	last := 0    // s[last:] is not yet copied into b
	for i := 0; i < len(s); i++ {
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
		key := keyBefore(s, i)
		if key == "" || !isSecretKey(key) {
			continue
		}
		start := i + opLen
		if colon {
			for start < len(s) && s[start] == ' ' {
				start++
			}
		}
		end := valueEnd(s, start, colon)
		if end == start || s[start:end] == redacted {
			continue
		}
		b = append(b, s[last:start]...)
		b = append(b, redacted...)
		last = end
		i = end - 1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// keyBefore returns the key that ends at s[i]: a run of letters, digits,
// '-', '_' and '.', less a leading percent-escape's hex digits ("%3Fq-ak").
func keyBefore(s string, i int) string {
	j := i
	for j > 0 && isKeyByte(s[j-1]) {
		j--
	}
	key := s[j:i]
	if j > 0 && s[j-1] == '%' && len(key) > 2 && isHex(key[0]) && isHex(key[1]) {
		key = key[2:]
	}
	return key
}

// valueEnd is where a secret value starting at s[start] ends.
func valueEnd(s string, start int, toEOL bool) int {
	for j := start; j < len(s); j++ {
		switch c := s[j]; c {
		case '\r', '\n', '"', '\'', '`':
			return j
		case '&', ' ', '\t', '<', '>', '#', ';', ',', ')', ']', '}':
			if !toEOL || c == '<' || c == '>' {
				return j
			}
		case '%':
			if !toEOL && j+2 < len(s) && s[j+1] == '2' && s[j+2] == '6' {
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
