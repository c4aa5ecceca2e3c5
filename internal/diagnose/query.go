package diagnose

import (
	"net/url"
	"strings"
)

// HasQueryKey reports whether a raw query has the parameter key, its name
// compared after percent-decoding, as the server reads it.
func HasQueryKey(query, key string) bool {
	for query != "" {
		var part string
		part, query, _ = strings.Cut(query, "&")
		k, _, _ := strings.Cut(part, "=")
		if k == key {
			return true
		}
		if strings.IndexByte(k, '%') >= 0 {
			if d, err := url.QueryUnescape(k); err == nil && d == key {
				return true
			}
		}
	}
	return false
}

// IsAppend reports whether a request is an append: a POST whose URL's
// query has the parameter append. coserr's retry rule and the report of
// a pasted failure share it.
func IsAppend(method, rawURL string) bool {
	_, query, _ := strings.Cut(rawURL, "?")
	query, _, _ = strings.Cut(query, "#")
	return strings.EqualFold(method, "POST") && HasQueryKey(query, "append")
}
