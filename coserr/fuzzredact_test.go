package coserr

import (
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/cosgo/errcatalog/coserr/internal/redact"
)

// The shapes FuzzRedact puts a secret in.
const (
	fzFormURL = iota
	fzFormURLError
	fzFormQuery
	fzFormHeader
	fzFormJSON
	fzFormNested
	fzFormQuoted
	fzFormElement
	fzFormRedactURL
	fzForms
)

// fzPlant puts secret in text of the given form, with prefix and suffix
// around it, and returns what redact.Text or redact.URL makes of it.
func fzPlant(form int, key, prefix, suffix, secret string) string {
	switch form {
	case fzFormURL:
		return redact.Text(prefix + fzURL(key, secret) + suffix)
	case fzFormURLError:
		return redact.Text((&url.Error{Op: "Get", URL: fzURL(key, secret), Err: errors.New(prefix)}).Error() + suffix)
	case fzFormQuery:
		return redact.Text(prefix + "&" + key + "=" + url.QueryEscape(secret) + suffix)
	case fzFormHeader:
		return redact.Text(prefix + "\n" + key + ": " + secret + "\r\n" + suffix)
	case fzFormJSON:
		v, _ := json.Marshal(secret)
		return redact.Text(prefix + `{"` + key + `":` + string(v) + "}" + suffix)
	case fzFormNested:
		return redact.Text(prefix + "https://proxy.example.com/fetch?u=" + url.QueryEscape(fzURL(key, secret)) + suffix)
	case fzFormQuoted:
		return redact.Text(prefix + " " + key + `="` + strings.ReplaceAll(secret, `"`, "") + `"` + suffix)
	case fzFormElement:
		return redact.Text(prefix + "<" + key + ">" + strings.ReplaceAll(secret, "<", "") + "</" + key + ">" + suffix)
	default:
		u := &url.URL{Scheme: "https", Host: "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com", Path: "/" + prefix,
			RawQuery: url.Values{key: {secret}, "x-id": {suffix}}.Encode()}
		return redact.URL(u) + "\n" + redact.URLString(u.String())
	}
}

// FuzzRedact plants a secret in arbitrary text, in the shapes a URL or a
// credential takes in error messages, and checks that redact.Text and redact.URL
// leave no trace of it.
func FuzzRedact(f *testing.F) {
	for _, s := range []struct {
		prefix, suffix, secret string
		form, keyIdx           uint8
	}{
		{"PUT /a.jpg HTTP/1.1\r\nHost: b.cos.ap-beijing.myqcloud.com", "Content-Length: 0\r\n", "q-sign-algorithm=sha1&q-ak=AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM&q-signature=5f8a5e2d", 3, 15},
		{`{"Credentials":`, `,"ExpiredTime":1700003600}`, "TOKENe0wgYXNlY3VyaXR5LXRva2Vu", 4, 1},
		{"redirect to ", " failed", "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404", 5, 2},
		{"AWS4-HMAC-SHA256", ", SignedHeaders=host", "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request", 6, 6},
		{"photo album/a.jpg", "GetObject", "5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d", 8, 67},
		{"<Error><Code>AccessDenied</Code>", "</Error>", "AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM", 7, 11},
		{`Get "`, `": dial tcp 127.0.0.1:1: connect: connection refused`, "5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d", 1, 0},
		{"<Error><Code>AccessDenied</Code><Message>", "</Message></Error>", "IQoJb3JpZ2luX2VjEJr", 0, 7},
	} {
		f.Add(s.prefix, s.suffix, s.secret, s.form, s.keyIdx)
	}
	for form := range fzForms {
		f.Add("", "", "c7503b92a8581b3f3f68c8f7f64a8917b03a1a95", uint8(form), uint8(form))
		f.Add("Get \"", "\": EOF", "AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM", uint8(form), uint8(form+70))
		f.Add("x", "y", "sha1&q-ak=AKID with spaces\"quote", uint8(form), uint8(form+140))
		f.Add("a.jpg", "<Error>", "token/with+plus=and%percent", uint8(form), uint8(form+200))
	}
	f.Fuzz(func(t *testing.T, prefix, suffix, secret string, form, keyIdx uint8) {
		if len(strings.TrimSpace(secret)) < 8 || strings.Contains(prefix, secret) || strings.Contains(suffix, secret) {
			return // too short to tell, or not planted by us
		}
		key := fzKey(keyIdx)
		fm := int(form) % fzForms
		if fm == fzFormHeader && strings.ContainsAny(secret, "\r\n") {
			return // no header value holds a line break
		}
		if fm == fzFormQuery && strings.Contains(prefix, "://") {
			return // the secret may land in a URL's path, which is user data and never redacted
		}
		out := fzPlant(fm, key, prefix, suffix, secret)
		base := fzPlant(fm, key, prefix, suffix, fzNeutral)
		for _, s := range []string{secret, url.QueryEscape(secret), url.PathEscape(secret)} {
			if strings.Contains(out, s) && !strings.Contains(base, s) {
				t.Fatalf("form %d, key %q: %q holds the secret %q", fm, key, out, s)
			}
		}
		if again := redact.Text(out); again != out {
			t.Fatalf("redact.Text is not idempotent: %q, then %q", out, again)
		}
	})
}
