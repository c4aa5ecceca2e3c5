package coserr_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// TestXMLEscapedQueryRedacted: COS's XML body escapes a presigned URL's
// '&' as "&amp;"; every secret after one is redacted in every rendering
// of the error, Origin included, and a message that carries the escape
// itself is redacted the same way.
func TestXMLEscapedQueryRedacted(t *testing.T) {
	tests := []struct {
		name, echoed string
		twice        bool // the message itself holds the escape
	}{
		{"q-ak after &amp;", "https://b-1250000000.cos.ap-guangzhou.myqcloud.com/k?q-sign-algorithm=sha1&amp;q-ak=AKIDLEAK1&amp;q-signature=SIGLEAK1", false},
		{"upper case", "https://b.cos.ap-guangzhou.myqcloud.com/k?x=1&AMP;Q-AK=AKIDLEAK2", false},
		{"sign and token", "https://b.cos.ap-guangzhou.myqcloud.com/k?x=1&amp;sign=SIGLEAK3&amp;token=TOKLEAK3", false},
		{"numeric reference", "https://b.cos.ap-guangzhou.myqcloud.com/k?x=1&#38;q-ak=AKIDLEAK4&#x26;sign=SIGLEAK4", false},
		{"relative", "/k?x=1&amp;q-ak=AKIDLEAK5", false},
		{"escaped in the message too", "https://b.cos.ap-guangzhou.myqcloud.com/k?x=1&amp;q-ak=AKIDLEAK6", true},
		{"key after two escapes", "https://b.cos.ap-guangzhou.myqcloud.com/k?x=1&amp;amp;q-ak=AKIDLEAK7", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			esc := tt.echoed // as the body's XML escapes it
			if tt.twice {
				esc = strings.ReplaceAll(esc, "&", "&amp;")
			}
			body := "<Error><Code>AccessDenied</Code><Message>Request has expired: " + esc + "</Message><Resource>" + esc +
				"</Resource><RequestId>r1</RequestId></Error>"
			err := coserr.Parse(403, http.Header{}, []byte(body))
			se := err.(*coserr.ServiceError)
			out := []string{err.Error(), fmt.Sprintf("%#v", se), se.Origin(), fmt.Sprint(se.Digest())}
			b, jerr := se.MarshalJSON()
			require.NoError(t, jerr)
			out = append(out, string(b))
			for _, o := range out {
				assert.NotContains(t, o, "LEAK", "a secret shows in %q", o)
			}
		})
	}
}

// TestPathSegmentsStay: a segment of an object key's path that reads as
// key=value or key:value with a secret's name (exports/sign=2024/a.csv)
// is user data: Error, Digest, LogValue and Origin show it as sent.
func TestPathSegmentsStay(t *testing.T) {
	tests := []struct {
		name, message, resource string
	}{
		{"sign= in a message's key", "The specified key does not exist: exports/sign=2024/a.csv", "/b-1250000000/exports/sign=2024/a.csv"},
		{"token= and signature", "key dir/token=abc/signature.txt not found", "/b/dir/token=abc/signature.txt"},
		{"token: segment", "no such key logs/token:v2/x.txt", "https://b.cos.ap-guangzhou.myqcloud.com/logs/token:v2/x.txt"},
		{"word Signature", "The Signature you provided does not match the one COS calculated for exports/sign=1/a", "/b/exports/sign=1/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := "<Error><Code>NoSuchKey</Code><Message>" + tt.message + "</Message><Resource>" + tt.resource +
				"</Resource><RequestId>r1</RequestId></Error>"
			err := coserr.Parse(404, http.Header{}, []byte(body))
			se := err.(*coserr.ServiceError)
			assert.Equal(t, "cos: 404 NoSuchKey: "+tt.message+" (request id r1)", err.Error())
			assert.Equal(t, tt.message, se.Digest()["Message"])
			assert.Equal(t, tt.resource, se.Digest()["Resource"])
			assert.Equal(t, body, se.Origin())
			assert.Contains(t, fmt.Sprintf("%#v", se), fmt.Sprintf("Resource:%q", tt.resource))
		})
	}
}

// TestDiagnoseQuotesNoStringToSignSecret: the report quotes the hash and
// key time of the body's StringToSign; a StringToSign whose lines are no
// hash or key time (a gateway's, a pasted URL) shows no secret of them.
func TestDiagnoseQuotesNoStringToSignSecret(t *testing.T) {
	tests := []struct{ name, line2, line3 string }{
		{"userinfo as the hash", "1;2", "https://AKIDLEAK1:KEYLEAK1@b.cos.ap-guangzhou.myqcloud.com/k"},
		{"escaped key as the hash", "1;2", "https://b.cos.ap-guangzhou.myqcloud.com/k?%71-signature=SIGLEAK2"},
		{"q%2Dsignature as the hash", "1;2", "https://b.cos.ap-guangzhou.myqcloud.com/k?q%2Dsignature=SIGLEAK3"},
		{"a secret as the key time", "q-signature%3dSIGLEAK4", "0123456789abcdef0123456789abcdef01234567"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := "<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message><RequestId>r1</RequestId>" +
				"<StringToSign>sha1\n" + tt.line2 + "\n" + tt.line3 + "\n</StringToSign>" +
				"<FormatString>get\n/k\n\nhost=b.cos.ap-guangzhou.myqcloud.com\n</FormatString></Error>"
			err := coserr.Parse(403, http.Header{}, []byte(body))
			req, rerr := http.NewRequest(http.MethodGet, "https://b.cos.ap-guangzhou.myqcloud.com/k", nil)
			require.NoError(t, rerr)
			req.Header.Set("Authorization", "q-sign-algorithm=sha1&q-ak=AKIDx&q-sign-time=1;3&q-key-time=1;3&q-header-list=host&q-url-param-list=&q-signature=abc")
			for _, r := range []*http.Request{nil, req} {
				d := coserr.Diagnose(err, r)
				out := d.String() + fmt.Sprint(d.Findings)
				assert.NotContains(t, strings.ToUpper(out), "LEAK", "a secret shows in %q", out)
			}
		})
	}
}

// TestOtherSchemesUserinfoRedacted: a URL of any scheme that carries
// credentials in its userinfo (ftp://SecretId:SecretKey@host, a socks5
// proxy's, an s3:// URI) shows none of them in an error's text, its path
// left as sent.
func TestOtherSchemesUserinfoRedacted(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"ftp", "fetch ftp://AKIDLEAK:KEYLEAK@host/dir/a.txt: refused", "fetch ftp://REDACTED:REDACTED@host/dir/a.txt: refused"},
		{"socks5 proxy", "proxy socks5://user:KEYLEAK@127.0.0.1:1080 failed", "proxy socks5://REDACTED:REDACTED@127.0.0.1:1080 failed"},
		{"s3 uri with a query", "copy from s3://AKIDLEAK@bucket/k?sign=SIGLEAK", "copy from s3://REDACTED@bucket/k?sign=REDACTED"},
		{"no userinfo", "see cos://bucket-1250000000/sign=2024/a.csv", "see cos://bucket-1250000000/sign=2024/a.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			se := &coserr.ServiceError{StatusCode: 400, Code: "InvalidArgument", Message: tt.text}
			assert.Equal(t, "cos: 400 InvalidArgument: "+tt.want, se.Error())
			req, err := http.NewRequest(http.MethodGet, "https://b.cos.ap-guangzhou.myqcloud.com/k", nil)
			require.NoError(t, err)
			ce := coserr.FromTransport(req, fmt.Errorf("dial: %s", tt.text))
			assert.Equal(t, "cos: GET https://b.cos.ap-guangzhou.myqcloud.com/k: dial: "+tt.want, ce.Error())
		})
	}
}
