package diagnose

import (
	"net/http"
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

// MayFailIn200 reports whether COS can answer req with an error inside a
// 200: PUT Object - Copy, Upload Part - Copy and Complete Multipart
// Upload. It reads the request as it goes on the wire and as COS reads it:
// the method in any case, a header under any spelling of its name (a key
// set in the map directly is sent as it is), and a query parameter's name
// after percent-decoding. coserr.FromResponse reads the 200 of such a
// request, and coserr/miniov7 takes the padding out of it for minio-go.
func MayFailIn200(req *http.Request) bool {
	if req == nil {
		return false
	}
	switch {
	case strings.EqualFold(req.Method, http.MethodPut):
		return hasCopySource(req.Header)
	case strings.EqualFold(req.Method, http.MethodPost):
		return req.URL != nil && HasQueryKey(req.URL.RawQuery, "uploadId")
	}
	return false
}

// hasCopySource reports whether h has a non-empty x-cos-copy-source or
// x-amz-copy-source, under its canonical key or, set in the map directly,
// under another spelling of it.
func hasCopySource(h http.Header) bool {
	const cos, amz = "X-Cos-Copy-Source", "X-Amz-Copy-Source"
	if h.Get(cos) != "" || h.Get(amz) != "" {
		return true
	}
	for k, v := range h {
		if len(k) == len(cos) && len(v) > 0 && v[0] != "" && (strings.EqualFold(k, cos) || strings.EqualFold(k, amz)) {
			return true
		}
	}
	return false
}
