package coserr

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The fuzz targets plant a secret as the value of one of these query
// parameters, in the case a bit of the fuzzed key index picks.
var fzSecretKeys = []string{
	"q-signature", "x-cos-security-token", "X-Amz-Signature", "q-ak", "x-amz-credential", "access_token",
	"X-Amz-Credential", "X-Amz-Security-Token", "Signature", "sign", "x-ci-security-token",
	"SecretKey", "tmpSecretId", "sessionToken", "AWSAccessKeyId", "Authorization",
}

// fzKey picks a secret key by index and sets its case by two more bits.
func fzKey(idx uint8) string {
	k := fzSecretKeys[int(idx)%len(fzSecretKeys)]
	switch idx >> 6 {
	case 1:
		k = strings.ToUpper(k)
	case 2:
		k = strings.ToLower(k)
	}
	return k
}

// fzURL is a presigned COS URL with secret as the value of key.
func fzURL(key, secret string) string {
	return "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/photo%20album/a.jpg?response-content-type=image%2Fjpeg&" +
		url.QueryEscape(key) + "=" + url.QueryEscape(secret) + "&q-url-param-list=response-content-type&x-id=GetObject"
}

// fzNeutral stands in for a secret, to render the same error without it.
const fzNeutral = "nEuTrAl-VaLuE"

// fzSeedBodies are the sample bodies of testdata, for the seed corpora.
func fzSeedBodies(f *testing.F) map[string][]byte {
	names, err := filepath.Glob("testdata/*.*")
	if err != nil {
		f.Fatal(err)
	}
	bodies := map[string][]byte{"empty": nil}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		bodies[filepath.Base(name)] = b
	}
	return bodies
}

// fzRender is everything an error shows to people and logs: Error(),
// the fmt verbs, and slog records through the JSON and text handlers, of
// the error itself and wrapped.
func fzRender(err error) []string {
	var jb, tb bytes.Buffer
	noTime := func(groups []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey && len(groups) == 0 {
			return slog.Attr{}
		}
		return a
	}
	opts := &slog.HandlerOptions{ReplaceAttr: noTime}
	jl, tl := slog.New(slog.NewJSONHandler(&jb, opts)), slog.New(slog.NewTextHandler(&tb, opts))
	wrapped := fmt.Errorf("get: %w", err)
	for _, l := range []*slog.Logger{jl, tl} {
		l.Error("cos failed", "err", err, "wrapped", wrapped)
	}
	out := []string{err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%s", wrapped), jb.String(), tb.String()}
	if v, ok := err.(slog.LogValuer); ok {
		out = append(out, v.LogValue().Resolve().String())
	}
	return out
}

// fzServiceOutputs adds Digest and URL to what fzRender shows.
func fzServiceOutputs(se *ServiceError) []string {
	out := append(fzRender(se), se.URL)
	d := se.Digest()
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		out = append(out, k+"="+d[k])
	}
	return out
}

// fzCheckNoSecret fails when secret shows in any output rendered with it,
// unless the same output rendered with a neutral value in its place holds
// it too (the secret is then part of the fixed text, such as "REDACTED").
// Outputs must otherwise be identical: a redacted value leaves no trace.
func fzCheckNoSecret(t *testing.T, what, secret string, with, without []string) {
	t.Helper()
	if len(with) != len(without) {
		t.Fatalf("%s: %d outputs with the secret, %d without", what, len(with), len(without))
	}
	for i := range with {
		if with[i] != without[i] {
			t.Errorf("%s: output %d depends on the secret:\n%q\nwith a neutral value:\n%q", what, i, with[i], without[i])
		}
		for _, form := range []string{secret, url.QueryEscape(secret), url.PathEscape(secret)} {
			if strings.Contains(with[i], form) && !strings.Contains(without[i], form) {
				t.Errorf("%s: output %d = %q; holds the secret %q", what, i, with[i], form)
			}
		}
	}
}

// fzResponse is a response to a GET of rawURL with the given status,
// header and body.
func fzResponse(status int, header http.Header, body []byte, rawURL string, chunked bool) *http.Response {
	u, _ := url.Parse(rawURL)
	cl := int64(len(body))
	if chunked {
		cl = -1
	}
	return &http.Response{
		StatusCode: status, Header: header, ContentLength: cl,
		Body:    io.NopCloser(bytes.NewReader(body)),
		Request: &http.Request{Method: http.MethodGet, URL: u},
	}
}

// FuzzParse feeds Parse and FromResponse arbitrary statuses, headers and
// bodies, with a secret planted in the request URL. Neither panics; the
// status is kept; resp.Body reads back byte for byte; the two agree; and
// the secret shows in no error text, log record, Digest or URL.
func FuzzParse(f *testing.F) {
	bodies := fzSeedBodies(f)
	for _, s := range []struct {
		body                  string // a file of testdata, or "empty"
		status                int
		headerName, headerVal string
		secret                string
		keyIdx                uint8
	}{
		{"api3.json", 401, "X-Ci-Request-Id", "ci-req", "TOKENe0wgYXNlY3VyaXR5LXRva2Vu", 137},
		{"bucketalreadyexists.xml", 409, "Content-Type", "application/xml", "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404", 2},
		{"copyok.xml", 200, "Etag", `"ba82b57cfdfda8bd17ad4e5879ebb4fe"`, "5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d", 5},
		{"embedded200.xml", 200, "X-Cos-Request-Id", "r", "5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d", 4},
		{"empty", 304, "X-Cos-Error-Code", "NoSuchBucket", "5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d", 13},
		{"empty", 404, "X-Cos-Request-Id", "head-req", "5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d", 204},
		{"fetch-numeric.json", 404, "Content-Type", "application/json", "IQoJb3JpZ2luX2VjEJr", 7},
		{"jsonstring.json", 404, "Content-Type", "application/json", "IQoJb3JpZ2luX2VjEJr", 6},
		{"nosuchbucket-notrace.xml", 404, "X-Cos-Trace-Id", "OGVmYzZiMmQzYjA2OWNh", "TOKENe0wgYXNlY3VyaXR5LXRva2Vu", 1},
		{"nosuchkey.xml", 404, "X-Cos-Request-Id", "NjA3OGY4NGFfNjJkMmMwYl8***", "5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d", 0},
		{"proxy.html", 502, "Content-Type", "text/html", "5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d", 42},
		{"signaturedoesnotmatch.xml", 403, "X-Cos-Request-Id", "NjA0NGFjMmFfZTViOTJhMDlfMjA0NDlfNzU0MzM4NQ==", "AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM", 3},
		{"signaturedoesnotmatch.xml", 403, "Retry-After", "3", "sha1&q-ak=AKID with spaces", 72},
		{"truncated.xml", 503, "X-Cos-Request-Id", "slow", "5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d", 43},
		{"vector.json", 400, "X-Cos-Error-Code", "ValidationException", "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request", 8},
	} {
		body, ok := bodies[s.body]
		if !ok {
			f.Fatalf("no testdata body %q", s.body)
		}
		f.Add(s.status, s.headerName, s.headerVal, body, s.secret, s.keyIdx)
		f.Add(s.status, "X-Cos-Error-Code", "ValidationException", body, "sha1&q-ak=AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM", uint8(0))
	}
	f.Fuzz(func(t *testing.T, status int, headerName, headerValue string, body []byte, secret string, keyIdx uint8) {
		if len(secret) < 8 || bytes.Contains(body, []byte(secret)) ||
			strings.Contains(headerName, secret) || strings.Contains(headerValue, secret) {
			return // the body and headers are the server's own text
		}
		header := http.Header{}
		if headerName != "" {
			header[http.CanonicalHeaderKey(headerName)] = []string{headerValue}
		}
		key := fzKey(keyIdx)
		chunked := keyIdx&0x20 != 0

		perr := Parse(status, header, body)
		pe, _ := perr.(*ServiceError)
		if perr != nil && pe == nil {
			t.Fatalf("Parse(%d, %q) = %T; want nil or a *ServiceError", status, body, perr)
		}
		success := status >= 100 && status < 300 // every other status is an error
		switch {
		case !success && pe == nil:
			t.Fatalf("Parse(%d, %q) = nil; want a *ServiceError", status, body)
		case pe != nil && pe.StatusCode != status:
			t.Fatalf("Parse(%d, %q).StatusCode = %d; want %d", status, body, pe.StatusCode, status)
		case pe != nil && len(pe.Body) > MaxBodyBytes:
			t.Fatalf("Parse kept %d bytes; want at most %d", len(pe.Body), MaxBodyBytes)
		}

		render := func(secret string) (*ServiceError, []string, []string) {
			resp := fzResponse(status, header, body, fzURL(key, secret), chunked)
			err := FromResponse(resp)
			back, rerr := io.ReadAll(resp.Body)
			if rerr != nil || !bytes.Equal(back, body) {
				t.Fatalf("resp.Body read back %q, %v; want %q", back, rerr, body)
			}
			if success {
				if err != nil {
					t.Fatalf("FromResponse(%d) = %v; want nil", status, err)
				}
				return nil, nil, nil
			}
			var se *ServiceError
			if !errors.As(err, &se) || se == nil {
				t.Fatalf("FromResponse(%d) = %#v; want a *ServiceError", status, err)
			}
			if se.StatusCode != status {
				t.Fatalf("FromResponse(%d).StatusCode = %d", status, se.StatusCode)
			}
			ue := &url.Error{Op: "Get", URL: resp.Request.URL.String(), Err: errors.New("dial tcp 127.0.0.1:9: connect: connection refused")}
			ce := FromTransport(resp.Request, ue)
			ce2 := FromTransport(nil, ue)
			return se, fzServiceOutputs(se), append(fzRender(ce), fzRender(ce2)...)
		}
		se, with, withCE := render(secret)
		if se == nil {
			return
		}
		_, without, withoutCE := render(fzNeutral)
		fzCheckNoSecret(t, "ServiceError", secret, with, without)
		fzCheckNoSecret(t, "ClientError", secret, withCE, withoutCE)

		// Parse and FromResponse read the same fields.
		got := [...]string{se.Code, se.Message, se.Resource, se.RequestID, se.TraceID, string(se.Body)}
		want := [...]string{pe.Code, pe.Message, pe.Resource, pe.RequestID, pe.TraceID, string(pe.Body)}
		if got != want {
			t.Fatalf("FromResponse fields %q; Parse fields %q", got, want)
		}
		// The accessors agree with one another.
		if c := se.Class(); c != nil && !errors.Is(fmt.Errorf("w: %w", se), c) {
			t.Fatalf("errors.Is(err, %v) = false for its own Class", c)
		}
		if c := se.Known(); c != nil && (!errors.Is(se, c) || se.Class() != c.Class() || se.Retryable() != c.Retryable()) {
			t.Fatalf("%v: Known() = %v, but Is, Class or Retryable disagree", se, c)
		}
		if IsRetryable(se) != se.Retryable() {
			t.Fatalf("IsRetryable(%v) = %v; Retryable() = %v", se, IsRetryable(se), se.Retryable())
		}
		if prefix := fmt.Sprintf("cos: %d", status); !strings.HasPrefix(se.Error(), prefix) {
			t.Fatalf("Error() = %q; want the prefix %q", se.Error(), prefix)
		}
		if urlPath := "photo%20album"; strings.Contains(se.Error(), urlPath) && !bytes.Contains(body, []byte(urlPath)) &&
			!strings.Contains(headerValue, urlPath) {
			t.Fatalf("Error() = %q quotes the URL", se.Error())
		}
		if got := se.Digest()["Status"]; got != fmt.Sprint(status) {
			t.Fatalf("Digest()[Status] = %q; want %d", got, status)
		}
		_, _ = RetryAfter(se)
	})
}

// FuzzFastXML feeds the fast XML and JSON paths anything: whenever one
// answers, it must agree with the general path, and neither may panic.
// fxOddBodies are the shapes the fast paths must refuse or read exactly,
// one of each, for the fuzzer to start from.
var fxOddBodies = []string{
	"<Error><Code lang=\"en\">NoSuchKey</Code></Error>",                                                                         // attribute
	"\ufeff<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>NoSuchKey</Code></Error>",                                      // bom
	"<Error><Code><![CDATA[NoSuchKey]]></Code><Message>m</Message></Error>",                                                     // cdata
	"<Error><Code>a]]>b</Code></Error>",                                                                                         // cdata-end
	"<Error><!-- c --><Code>NoSuchKey<!-- d --></Code></Error>",                                                                 // comment
	"<?xml version='1.0' encoding='utf-8' ?>\r\n<Error>\r\n<Code>NoSuchKey</Code>\r\n<Message>a\r\nb</Message>\r\n</Error>\r\n", // crlf
	"<Error><Code>A</Code><Code>B</Code><Code/></Error>",                                                                        // duplicate
	"<Error><Code>InvalidArgument</Code><Message>a &amp; b &lt;c&gt; &#x26;</Message></Error>",                                  // entity
	"<?xml version='1.0' encoding='gbk' ?><Error><Code>NoSuchKey</Code><Message>\xb6\xd4\xcf\xf3</Message></Error>",             // gbk
	"{\"code\":\"No\\u0053uchKey\",\"message\":\"a\\\"b\",\"Code\":\"Upper\",\"code\":\"dup\"}",                                 // json-escape
	"{\"code\":404,\"message\":\"fetch task not found\",\"request_id\":\"NjBhZjEy\"}",                                           // json-fetch
	"{\"Response\":{\"Error\":{\"Code\":\"AuthFailure\",\"Message\":\"m\"},\"RequestId\":\"r\"}}",                               // json-nested
	"{\"code\":-0.5e+10,\"message\":01,\"request_id\":null}",                                                                    // json-numbers
	"{\"message\":\"VectorBucketName is invalid\",\"fieldList\":[{\"message\":\"should match\",\"path\":\"/v\"}]}",              // json-vector
	"<Error xmlns=\"http://www.qcloud.com/\"><x:Code xmlns:x=\"urn:x\">NoSuchKey</x:Code></Error>",                              // namespace
	"<Error><Code>C</Code><Message><b>bold</b> text</Message></Error>",                                                          // nested
	"<Error><Code>NoSuchKey</Code><Message>caf\xe9 \xed\xa0\x80 \ufffe</Message></Error>",                                       // nonutf8
	"<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>NoSuchBucket</Code>\n\t<Message>The specified bucket does not exist.</Message>\n\t<Resource>examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com</Resource>\n\t<RequestId>NjQ5ZjE0NjZfMzk4MjA4MDlfMjc0YjZfMTJmZWM2YQ==</RequestId>\n\t<TraceId>OGVmYzZiMmQzYjA2OWNh</TraceId>\n</Error>", // nosuchbucket
	"<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Mess", // truncated
	"<?xml version='1.1'?><Error><Code>C</Code></Error>",                                                                   // version11
}

func FuzzFastXML(f *testing.F) {
	for _, body := range fxOddBodies {
		f.Add([]byte(body))
	}
	for _, body := range fxXMLBodies {
		f.Add([]byte(body))
	}
	for _, body := range fxJSONBodies {
		f.Add([]byte(body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		fxCheckXML(t, body)
		fxCheckJSON(t, body)
		parseBody(body)
	})
}
