package coserr_test

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// The signing of COS docs 436/7778 ("Request Signature"), step by step as
// cos-go-sdk-v5 signs in AuthorizationTransport, written from the
// documented algorithm so the tests need no SDK.

// signEncode is the signature's URL encoding: every byte but A-Z a-z 0-9
// - _ . ~ as %XX.
func signEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// signHeaders lists the headers cos-go-sdk-v5 signs besides x-cos-*.
var signHeaders = []string{"host", "range", "content-type", "content-length", "content-md5", "content-disposition",
	"content-encoding", "cache-control", "expires", "if-match", "if-none-match", "if-modified-since",
	"if-unmodified-since", "origin", "access-control-request-method", "access-control-request-headers"}

// formatPairs encodes key=value pairs, sorted, and the list of their keys.
func formatPairs(kv map[string][]string, keep func(string) bool) (string, []string) {
	var pairs, keys []string
	for k, vs := range kv {
		lk := strings.ToLower(signEncode(k))
		if !keep(lk) {
			continue
		}
		for _, v := range vs {
			pairs = append(pairs, lk+"="+signEncode(v))
			keys = append(keys, lk)
		}
	}
	slices.Sort(pairs)
	slices.Sort(keys)
	return strings.Join(pairs, "&"), keys
}

// formatString is the FormatString of req, signing the query and the
// headers COS's SDK signs.
func formatString(req *http.Request) (fs string, headerList, paramList []string) {
	h := req.Header.Clone()
	if h.Get("Host") == "" {
		h.Set("Host", req.Host)
		if req.Host == "" {
			h.Set("Host", req.URL.Host)
		}
	}
	params, paramList := formatPairs(req.URL.Query(), func(string) bool { return true })
	headers, headerList := formatPairs(h, func(k string) bool {
		return strings.HasPrefix(k, "x-cos-") || slices.Contains(signHeaders, k)
	})
	return strings.ToLower(req.Method) + "\n" + req.URL.Path + "\n" + params + "\n" + headers + "\n", headerList, paramList
}

// hmacHex is hex(HMAC-SHA1(key, msg)).
func hmacHex(key, msg string) string {
	m := hmac.New(sha1.New, []byte(key))
	m.Write([]byte(msg))
	return hex.EncodeToString(m.Sum(nil))
}

// sha1Hex is hex(SHA-1(s)).
func sha1Hex(s string) string {
	sum := sha1.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

// sign sets req's Authorization as cos-go-sdk-v5 does, valid from start
// for ttl, and returns the FormatString and StringToSign it signed.
func sign(req *http.Request, secretID, secretKey string, start time.Time, ttl time.Duration) (fs, sts string) {
	keyTime := fmt.Sprintf("%d;%d", start.Unix(), start.Add(ttl).Unix())
	fs, headerList, paramList := formatString(req)
	sts = "sha1\n" + keyTime + "\n" + sha1Hex(fs) + "\n"
	sig := hmacHex(hmacHex(secretKey, keyTime), sts)
	req.Header.Set("Authorization", strings.Join([]string{
		"q-sign-algorithm=sha1", "q-ak=" + secretID, "q-sign-time=" + keyTime, "q-key-time=" + keyTime,
		"q-header-list=" + strings.Join(headerList, ";"), "q-url-param-list=" + strings.Join(paramList, ";"),
		"q-signature=" + sig,
	}, "&"))
	return fs, sts
}

// signatureBody is the 403 COS sends for a signature that does not match,
// with the FormatString and StringToSign it computed itself.
func signatureBody(serverFS, keyTime, resource string) string {
	return "<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>SignatureDoesNotMatch</Code>\n" +
		"\t<Message>The Signature you specified is invalid.</Message>\n" +
		"\t<StringToSign>sha1\n" + keyTime + "\n" + sha1Hex(serverFS) + "\n</StringToSign>\n" +
		"\t<FormatString>" + xmlEscape(serverFS) + "</FormatString>\n" +
		"\t<Resource>" + resource + "</Resource>\n" +
		"\t<RequestId>NjA0NGFjMmFfZTViOTJhMDlfMjA0NDlfNzU0MzM4NQ==</RequestId>\n" +
		"\t<TraceId>OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NWFiNjAyMzdlM2RlMmVmOGNiNWIxYjYwNDFhYmQ=</TraceId>\n</Error>"
}

// xmlEscape escapes text for an XML element.
func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
