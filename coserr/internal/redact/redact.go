// Package redact removes secrets (signatures, credentials, tokens,
// passwords) from the URLs and texts that coserr's errors show, and
// nothing else.
//
// A URL is redacted through its parts: its userinfo, user name and
// password, and the values of secret query parameters are replaced, and
// its fragment is dropped. Its path is user data (an object key such as
// "exports/sign=2024/a.csv") and is never touched, nor is any other query
// value. Free text, which has no structure to parse, is scrubbed by the
// shapes a secret takes in it (see Text).
package redact

import (
	"net/url"
	"strings"
)

// Redacted replaces every secret value.
const Redacted = "REDACTED"

// Secret names, compared as Key compares them. q-ak is COS's SecretId and
// q-signature its signature; q-sign-algorithm, q-sign-time, q-key-time,
// q-header-list and q-url-param-list only say how and when a request was
// signed, and stay for debugging.
var (
	secretNames    = []string{"qak", "sign", "sig", "token", "authorization", "awsaccesskeyid", "passwd", "pwd"}
	secretSuffixes = []string{
		"signature", "credential", "credentials", "authorization",
		"securitytoken", "sessiontoken", "accesstoken", "refreshtoken", "authtoken", "idtoken",
		"secret", "secretid", "secretkey", "secretaccesskey", "password", "apikey", "privatekey",
	}
)

// Key reports whether a query parameter, header, JSON member or XML
// element named k holds a secret. It decodes percent-escapes in k and
// ignores case, '-', '_', '.' and spaces: "q-signature", "Q_SIGNATURE" and
// "q%2Dsignature" match, "continuation-token" and "q-sign-time" do not.
// It allocates nothing for a name of up to 64 bytes.
func Key(k string) bool {
	if strings.ContainsAny(k, "%+") {
		k = unescape(k)
	}
	var buf [64]byte
	n := buf[:0]
	for i := 0; i < len(k); i++ {
		switch c := k[i]; {
		case c == '-' || c == '_' || c == '.' || c == ' ':
		case 'A' <= c && c <= 'Z':
			n = append(n, c+'a'-'A')
		default:
			n = append(n, c)
		}
	}
	for _, s := range secretNames {
		if string(n) == s {
			return true
		}
	}
	for _, s := range secretSuffixes {
		if len(n) >= len(s) && string(n[len(n)-len(s):]) == s {
			return true
		}
	}
	return false
}

// URL formats u as URLString redacts it; "" for a nil u.
func URL(u *url.URL) string {
	if u == nil {
		return ""
	}
	return URLString(u.String())
}

// URLString redacts a URL given as text, part by part, without parsing it
// into a url.URL, so that nothing but a secret changes: the fragment is
// dropped; the user name and password of the userinfo (a SecretId and
// SecretKey, or a token) and the values of secret query parameters become
// Redacted; a query value that is itself an http or https URL, escaped,
// is redacted the same way; the host is scrubbed as Text; the path and
// every other byte stay.
func URLString(s string) string {
	s, _, _ = strings.Cut(s, "#")
	base, query, hasQuery := strings.Cut(s, "?")
	e := edits{s: s}
	if i := strings.Index(base, "://"); i >= 0 {
		start := i + len("://")
		end := len(base)
		if j := strings.IndexByte(base[start:], '/'); j >= 0 {
			end = start + j
		}
		auth := base[start:end]
		if at := strings.LastIndexByte(auth, '@'); at >= 0 && auth[:at] != Redacted && auth[:at] != Redacted+":"+Redacted {
			// A URL's userinfo is a credential, its user name too: an
			// S3-style endpoint takes https://SecretId:SecretKey@host, and
			// a token often stands alone as the user.
			userinfo := Redacted
			if strings.IndexByte(auth[:at], ':') >= 0 {
				userinfo += ":" + Redacted
			}
			auth = userinfo + auth[at:]
		}
		if auth = Text(auth); auth != base[start:end] {
			e.replace(start, end, auth)
		}
	}
	if hasQuery {
		redactQuery(&e, len(base)+1, query)
	}
	return e.String()
}

// redactQuery redacts the raw query that starts at e.s[off].
func redactQuery(e *edits, off int, query string) {
	for i := 0; i <= len(query); {
		j := strings.IndexByte(query[i:], '&')
		if j < 0 {
			j = len(query) - i
		}
		key, value, _ := strings.Cut(query[i:i+j], "=")
		// In XML or HTML text a query's '&' is written "&amp;": the key
		// starts after the reference.
		keyAt := off + i
		for ent := ampEntity(key); ent != ""; ent = ampEntity(key) {
			key, keyAt = key[len(ent):], keyAt+len(ent)
		}
		if strings.IndexByte(key, '%') >= 0 && !Key(key) {
			if r, ok := nestedQuery(key, true); ok {
				e.replace(keyAt, keyAt+len(key), r)
			}
		}
		start := keyAt + len(key) + 1
		switch {
		case value == "" || value == Redacted:
		case Key(key):
			e.replace(start, start+len(value), Redacted)
		case isURLStart(value) || isEscapedURLStart(value):
			if v := unescape(value); URLString(v) != v {
				e.replace(start, start+len(value), url.QueryEscape(URLString(v)))
			}
		default:
			if r, ok := nestedQuery(value, false); ok {
				e.replace(start, start+len(value), r)
			}
		}
		i += j + 1
	}
}

// ampEntity returns the character reference for '&' that s starts with
// ("amp;", "#38;" or "#x26;", in any case), left of a query key by
// splitting an XML- or HTML-escaped query at its '&'; "" for none.
func ampEntity(s string) string {
	for _, e := range [...]string{"amp;", "#38;", "#x26;"} {
		if hasPrefixFold(s, e) {
			return s[:len(e)]
		}
	}
	return ""
}

// maxUnescape is how many times nestedQuery decodes a key or value.
const maxUnescape = 3

// nestedQuery redacts a query that a query key or value holds: after a
// '?' (a relative URL, "/k?q-signature=..."), or, once decoded, one with
// a '&' or, in a key, a '='. The value is decoded up to maxUnescape
// times; the result is escaped as it was once, or Redacted whole when the
// secret lay under more than one escaping. ok is false when there is
// nothing to redact. A value such as "sign=2024/" (an object prefix) is
// no query and stays.
func nestedQuery(s string, isKey bool) (string, bool) {
	d, decodes := s, 0
	for decodes < maxUnescape && strings.IndexByte(d, '%') >= 0 {
		u := unescape(d)
		if u == d {
			break
		}
		d, decodes = u, decodes+1
	}
	q := d
	if k := strings.IndexByte(d, '?'); k >= 0 {
		q = d[k+1:]
	} else if strings.IndexByte(d, '&') < 0 && (!isKey || strings.IndexByte(d, '=') < 0) {
		return "", false
	}
	e := edits{s: q}
	redactQuery(&e, 0, q)
	if e.b == nil {
		return "", false
	}
	red := d[:len(d)-len(q)] + e.String()
	switch decodes {
	case 0:
		return red, true
	case 1:
		return url.QueryEscape(red), true
	}
	return Redacted, true
}

// unescape decodes the percent-escapes and '+' of a query key or value,
// keeping a '%' that starts no escape as it is.
func unescape(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '+':
			b = append(b, ' ')
		case s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			b = append(b, s[i])
		}
	}
	return string(b)
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'f' }

func unhex(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c | 0x20 - 'a' + 10
}

// edits builds a copy of s with spans replaced, in order; it allocates
// only once a span is replaced.
type edits struct {
	s    string
	b    []byte
	last int // s[last:] is not yet copied into b
}

func (e *edits) replace(i, j int, with string) {
	e.b = append(e.b, e.s[e.last:i]...)
	e.b = append(e.b, with...)
	e.last = j
}

func (e *edits) String() string {
	if e.b == nil {
		return e.s
	}
	return string(append(e.b, e.s[e.last:]...))
}

// isURLStart reports whether s starts with http:// or https://, in any case.
func isURLStart(s string) bool {
	return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://")
}

// isEscapedURLStart is isURLStart for a query-escaped URL.
func isEscapedURLStart(s string) bool {
	return hasPrefixFold(s, "http%3a%2f%2f") || hasPrefixFold(s, "https%3a%2f%2f")
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
