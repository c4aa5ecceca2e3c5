package diagnose

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// COS's request signature (COS docs 436/7778, "Request Signature"; the
// same steps as cos-go-sdk-v5's auth.go):
//
//	FormatString = lower(method) + "\n" + path + "\n" + params + "\n" + headers + "\n"
//	StringToSign = "sha1\n" + q-key-time + "\n" + hex(sha1(FormatString)) + "\n"
//
// path is the request path, percent-decoded. params and headers are the
// q-url-param-list parameters and q-header-list headers as key=value
// joined by '&': keys lowercased and URL-encoded, values URL-encoded
// (every byte but A-Z a-z 0-9 - _ . ~ as %XX), sorted by key.

// The four fields of a FormatString, by index.
const (
	fieldMethod = iota
	fieldPath
	fieldParams
	fieldHeaders
)

// splitFormatString splits a FormatString into its four fields.
func splitFormatString(s string) ([4]string, bool) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimLeft(s, " \t\r\n")
	parts := strings.SplitN(s, "\n", 5)
	var f [4]string
	if len(parts) < 4 {
		return f, false
	}
	copy(f[:], parts[:4])
	return f, true
}

// pair is one key=value of a FormatString's params or headers.
type pair struct{ key, value string }

// pairs parses "k=v&k=v", decoding the values for display.
func pairs(s string) []pair {
	var out []pair
	for kv := range strings.SplitSeq(s, "&") {
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		if dk, err := url.QueryUnescape(k); err == nil {
			k = dk
		}
		if dv, err := url.PathUnescape(v); err == nil {
			v = dv
		}
		out = append(out, pair{strings.ToLower(k), v})
	}
	return out
}

// encode is COS's URL encoding of a FormatString key or value.
func encode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// signedPairs builds params or headers of a FormatString: the values of
// the listed keys (looked up without regard to case) in COS's encoding.
func signedPairs(list []string, get func(key string) []string) string {
	var ps []pair
	for _, k := range list {
		for _, v := range get(k) {
			ps = append(ps, pair{strings.ToLower(encode(k)), encode(v)})
		}
	}
	slices.SortFunc(ps, func(a, b pair) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(a.value, b.value)
	})
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.key + "=" + p.value)
	}
	return b.String()
}

// sha1Hex is the hex SHA-1 of s.
func sha1Hex(s string) string {
	sum := sha1.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

// stringToSign splits COS's StringToSign: algorithm, key time, the hash
// of the FormatString. ok is false when the hash is no SHA-1 hex digest,
// and keyTime "" when it is no START;END, so that a report never quotes
// whatever else stands there (a URL, a signature).
func stringToSign(s string) (keyTime, hash string, ok bool) {
	lines := strings.Split(strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")), "\n")
	if len(lines) < 3 {
		return "", "", false
	}
	keyTime, hash = strings.TrimSpace(lines[1]), strings.ToLower(strings.TrimSpace(lines[2]))
	if !isSHA1Hex(hash) {
		return "", "", false
	}
	if !isKeyTime(keyTime) {
		keyTime = ""
	}
	return keyTime, hash, true
}

// isSHA1Hex reports whether s is a SHA-1 digest in lower-case hex, as a
// StringToSign holds one: anything else there is not quoted in a report.
func isSHA1Hex(s string) bool {
	if len(s) != 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// isKeyTime reports whether s reads as a key time, START;END in Unix
// seconds.
func isKeyTime(s string) bool {
	start, end, ok := strings.Cut(s, ";")
	return ok && isDigits(strings.TrimSpace(start)) && isDigits(strings.TrimSpace(end))
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// clientFormatString rebuilds the FormatString the request was signed
// with, from its method, path and the parameters and headers its
// signature lists. ok is false when the request or its signature is not
// known well enough.
func clientFormatString(r *Request, a auth) (f [4]string, ok bool) {
	if r == nil || r.URL == nil || r.Method == "" || !a.found {
		return f, false
	}
	query := r.URL.Query()
	f[fieldMethod] = strings.ToLower(r.Method)
	f[fieldPath] = r.URL.Path
	f[fieldParams] = signedPairs(a.params, func(k string) []string {
		for qk, vs := range query {
			if strings.EqualFold(qk, k) {
				return vs
			}
		}
		return nil
	})
	f[fieldHeaders] = signedPairs(a.headers, func(k string) []string {
		if vs := headerValues(r, k); vs != nil {
			return vs
		}
		if strings.EqualFold(k, "host") && r.host() != "" {
			return []string{r.host()}
		}
		return nil
	})
	return f, true
}

// headerValues are the request's values of header k.
func headerValues(r *Request, k string) []string {
	for hk, vs := range r.Header {
		if strings.EqualFold(hk, k) {
			return vs
		}
	}
	return nil
}

// joinFormatString puts a FormatString's fields together.
func joinFormatString(f [4]string) string {
	return f[0] + "\n" + f[1] + "\n" + f[2] + "\n" + f[3] + "\n"
}
