package cosv5_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/cosv5"
)

// A fake COS that checks signatures as COS documents it (436/7778): it
// rebuilds the FormatString from the request it received and the lists
// its Authorization names, signs it with its own copy of the key, and
// answers a mismatch with a 403 carrying its FormatString and
// StringToSign, as COS does. A strict bucket also signs Content-Type and
// Content-Length, listed or not; strip plays a proxy that drops a header.
type fakeCOS struct {
	key    string
	strict bool
	strip  string // a header a proxy on the way drops
}

// enc is the signature's URL encoding.
func enc(s string) string {
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

func hmacSHA1(key, msg string) string {
	m := hmac.New(sha1.New, []byte(key))
	m.Write([]byte(msg))
	return hex.EncodeToString(m.Sum(nil))
}

func (f *fakeCOS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	if f.strip != "" {
		r.Header.Del(f.strip)
	}
	auth := map[string]string{}
	for kv := range strings.SplitSeq(r.Header.Get("Authorization"), "&") {
		k, v, _ := strings.Cut(kv, "=")
		auth[k] = v
	}
	get := func(list string, value func(string) (string, bool)) string {
		var pairs []string
		for k := range strings.SplitSeq(list, ";") {
			if v, ok := value(k); ok && k != "" {
				pairs = append(pairs, strings.ToLower(enc(k))+"="+enc(v))
			}
		}
		slices.Sort(pairs)
		return strings.Join(pairs, "&")
	}
	headerList := auth["q-header-list"]
	if f.strict {
		for _, h := range []string{"content-length", "content-type"} {
			if !slices.Contains(strings.Split(headerList, ";"), h) {
				headerList += ";" + h
			}
		}
	}
	params := get(auth["q-url-param-list"], func(k string) (string, bool) {
		for qk, vs := range r.URL.Query() {
			if strings.EqualFold(qk, k) {
				return vs[0], true
			}
		}
		return "", false
	})
	headers := get(headerList, func(k string) (string, bool) {
		switch k {
		case "host":
			return r.Host, true
		case "content-length":
			return fmt.Sprint(r.ContentLength), true
		}
		v := r.Header.Get(k)
		return v, v != ""
	})
	fs := strings.ToLower(r.Method) + "\n" + r.URL.Path + "\n" + params + "\n" + headers + "\n"
	sum := sha1.Sum([]byte(fs))
	sts := "sha1\n" + auth["q-key-time"] + "\n" + hex.EncodeToString(sum[:]) + "\n"
	if hmacSHA1(hmacSHA1(f.key, auth["q-key-time"]), sts) == auth["q-signature"] {
		w.WriteHeader(http.StatusOK)
		return
	}
	w.Header().Set("Content-Type", "application/xml")
	w.Header().Set("x-cos-request-id", "NjU1ZmFrZUNPUw==")
	w.WriteHeader(http.StatusForbidden)
	fmt.Fprintf(w, "<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>SignatureDoesNotMatch</Code>\n"+
		"\t<Message>The Signature you specified is invalid.</Message>\n\t<StringToSign>%s</StringToSign>\n"+
		"\t<FormatString>%s</FormatString>\n\t<RequestId>NjU1ZmFrZUNPUw==</RequestId>\n</Error>", sts, xmlText(fs))
}

// xmlText escapes s for an XML element.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// Requests signed by cos-go-sdk-v5 itself, against a fake COS that checks
// them: a signature COS accepts gives no error, so the fake's FormatString
// is the SDK's; one it refuses is diagnosed from the SDK's own request.
func TestDiagnoseSignedByTheSDK(t *testing.T) {
	tests := []struct {
		name      string
		serverKey string
		strip     string
		strict    bool
		want      []string // findings; none: the request succeeds
	}{
		{"accepted", secretKey, "", false, nil},
		// The SDK signs Content-Type and Content-Length whenever it sends them.
		{"accepted by a bucket in strict signing mode", secretKey, "", true, nil},
		{"a proxy drops a signed header", secretKey, "x-cos-meta-team", false, []string{
			"the header x-cos-meta-team: the request signed it, COS did not",
		}},
		{"another secret key", "anotherSecretKey", "", false, []string{
			"the request's FormatString is the one COS computed, so the difference is in the key",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(&fakeCOS{key: tt.serverKey, strip: tt.strip, strict: tt.strict})
			defer srv.Close()
			u, err := url.Parse(srv.URL)
			require.NoError(t, err)
			c := cos.NewClient(&cos.BaseURL{BucketURL: u}, &http.Client{Transport: cosv5.Transport(&cos.AuthorizationTransport{
				SecretID: secretID, SecretKey: secretKey, SessionToken: token})})
			c.Conf.RetryOpt.Count = 1
			c.Conf.EnableCRC = false
			_, err = c.Object.Put(context.Background(), "docs/report 2024.txt", strings.NewReader("hello"),
				&cos.ObjectPutOptions{ObjectPutHeaderOptions: &cos.ObjectPutHeaderOptions{ContentType: "text/plain", XCosMetaXXX: &http.Header{"x-cos-meta-team": {"blue"}}}})
			if tt.want == nil {
				require.NoError(t, err, "the fake COS refused a signature cos-go-sdk-v5 made")
				return
			}
			require.Error(t, err)
			var er *cos.ErrorResponse
			require.True(t, errors.As(err, &er), "%T: %v", err, err)
			sent := er.Response.Request // the request as the SDK sent it, signed
			require.NotEmpty(t, sent.Header.Get("Authorization"))

			d := coserr.Diagnose(cosv5.Wrap(err), sent)
			require.NotNil(t, d)
			assert.Equal(t, coserr.SignatureDoesNotMatch, d.Code)
			findings := strings.Join(d.Findings, "\n")
			for _, w := range tt.want {
				assert.Contains(t, findings, w)
			}
			report := d.String()
			for _, secret := range []string{secretID, secretKey, token, "anotherSecretKey"} {
				assert.NotContains(t, report, secret)
			}
			_, sig, _ := strings.Cut(sent.Header.Get("Authorization"), "q-signature=")
			assert.NotContains(t, report, sig)
		})
	}
}
