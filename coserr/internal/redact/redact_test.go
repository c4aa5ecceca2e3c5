package redact

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIsSecretKey(t *testing.T) {
	secret := []string{
		"q-signature", "Q-Signature", "Q-SIGNATURE", "q-ak", "Q-AK", "Proxy-Authorization", "refresh_token",
		"x-cos-security-token", "X-Cos-Security-Token", "x-ci-security-token", "Signature", "signature", "sign", "SIGN", "sig",
		"X-Amz-Signature", "x-amz-signature", "X-Amz-Credential", "X-Amz-Security-Token", "x-amz-security-token",
		"Authorization", "authorization", "AWSAccessKeyId", "token", "access_token", "sessionToken", "SecurityToken",
		"SecretId", "SecretKey", "secret_key", "tmpSecretId", "tmpSecretKey", "TmpSecretKey", "client_secret",
		"password", "Password", "passwd", "x-api-key", "X-Goog-Signature", "X-Goog-Credential",
		"q%2Dsignature", "q%2dak", "x-cos-security%2Dtoken", "q_signature", "q.ak", "q-signature%20",
	}
	plain := []string{
		"", "q-header-list", "q-url-param-list", "x-id", "response-content-type", "prefix", "marker", "versionId",
		"X-Amz-SignedHeaders", "X-Amz-Date", "X-Amz-Expires", "X-Amz-Algorithm", "uploadId", "partNumber", "host",
		"q-sign-algorithm", "q-sign-time", "q-key-time", "continuation-token", "next-continuation-token", "ContinuationToken",
		"key", "signer", "designation", "q", "ak", "https", "tcp", "dial tcp 127.0.0.1", "Content-Type", "x-cos-request-id",
	}
	for _, k := range secret {
		assert.True(t, Key(k), "Key(%q) = false; want true", k)
	}
	for _, k := range plain {
		assert.False(t, Key(k), "Key(%q) = true; want false", k)
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"cos presigned",
			"https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a.jpg?q-sign-algorithm=sha1&q-ak=AKIDsecret&q-sign-time=1%3B2&q-key-time=1%3B2&q-header-list=host&q-url-param-list=&q-signature=abcdef0123&x-cos-security-token=tok",
			"https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a.jpg?q-sign-algorithm=sha1&q-ak=REDACTED&q-sign-time=1%3B2&q-key-time=1%3B2&q-header-list=host&q-url-param-list=&q-signature=REDACTED&x-cos-security-token=REDACTED"},
		{"any case",
			"https://b/k?Q-SIGNATURE=a&X-COS-SECURITY-TOKEN=b&x-amz-signature=c&X-Amz-Credential=d&SIGNATURE=e&Sign=f",
			"https://b/k?Q-SIGNATURE=REDACTED&X-COS-SECURITY-TOKEN=REDACTED&x-amz-signature=REDACTED&X-Amz-Credential=REDACTED&SIGNATURE=REDACTED&Sign=REDACTED"},
		{"escaped keys", "https://b/k?q%2Dsignature=a&x%2Dcos%2Dsecurity%2Dtoken=b&x=1", "https://b/k?q%2Dsignature=REDACTED&x%2Dcos%2Dsecurity%2Dtoken=REDACTED&x=1"},
		{"repeated key", "https://b/k?sign=a&sign=b", "https://b/k?sign=REDACTED&sign=REDACTED"},
		{"key without value", "https://b/k?q-signature&x=1", "https://b/k?q-signature&x=1"},
		{"escaped ampersand in a value", "https://b/k?q-signature=ab%26cd%3Def&x=1", "https://b/k?q-signature=REDACTED&x=1"},
		{"password", "https://user:hunter2@b/k", "https://REDACTED:REDACTED@b/k"},
		{"SecretId and SecretKey", "https://AKIDx:key@b/k?a=1", "https://REDACTED:REDACTED@b/k?a=1"},
		{"a token as the user", "https://ghp_tok@b/k", "https://REDACTED@b/k"},
		{"fragment dropped", "https://b/k?x=1#sign=abc", "https://b/k?x=1"},
		{"an object key that looks like a query", "https://b/exports/sign=2024/report.csv", "https://b/exports/sign=2024/report.csv"},
		{"an object key with a colon, and a query", "https://b/logs/api_key:v2/x.txt?versionId=1", "https://b/logs/api_key:v2/x.txt?versionId=1"},
		{"an escaped object key", "https://b/a%2Fb/token%3Dx%20y.txt?sign=s", "https://b/a%2Fb/token%3Dx%20y.txt?sign=REDACTED"},
		{"non-secret values stay",
			"https://b/?list-type=2&prefix=sign%3D2024%2F&continuation-token=1ueGcxLPRx1Tr%2FXYExHnhbYLgveDs2J%2Fwm36Hy4vbOwM%3D&response-content-type=text%2Fcsv&q-sign-algorithm=sha1",
			"https://b/?list-type=2&prefix=sign%3D2024%2F&continuation-token=1ueGcxLPRx1Tr%2FXYExHnhbYLgveDs2J%2Fwm36Hy4vbOwM%3D&response-content-type=text%2Fcsv&q-sign-algorithm=sha1"},
		{"a secret in the host is text", "https://x&sign=abc/k", "https://x&sign=REDACTED/k"},
		{"nothing to redact", "https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a%20b.jpg?versionId=3&x-id=GetObject",
			"https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a%20b.jpg?versionId=3&x-id=GetObject"},
		{"nested url", "https://proxy/fetch?u=https%3A%2F%2Fb%2Fk%3Fq-signature%3Dabc%26x%3D1",
			"https://proxy/fetch?u=https%3A%2F%2Fb%2Fk%3Fq-signature%3DREDACTED%26x%3D1"},
		{"a relative signed URL in a value, escaped", "https://b/k?redirect=%2Fk%3Fq-signature%3Dabc%26x%3D1",
			"https://b/k?redirect=%2Fk%3Fq-signature%3DREDACTED%26x%3D1"},
		{"a relative signed URL in a value, as is", "https://b/k?redirect=/k?q-signature=abc", "https://b/k?redirect=/k?q-signature=REDACTED"},
		{"a signed URL escaped twice", "https://b/k?next=https%253A%252F%252Fh%252Fk%253Fq-signature%253Dabc", "https://b/k?next=REDACTED"},
		{"a query escaped in a value", "https://b/k?x=a%26q-signature%3Dabc", "https://b/k?x=a%26q-signature%3DREDACTED"},
		{"a secret escaped in a key", "https://b/k?q-signature%3Dabc&x=1", "https://b/k?q-signature%3DREDACTED&x=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := url.Parse(tt.in)
			require.NoError(t, err)
			got := URL(u)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, got, URLString(tt.in))
			assert.Equal(t, got, URLString(got), "redacting twice changes more")
		})
	}
	assert.Equal(t, "", URL(nil))
	assert.Equal(t, "", URLString(""))
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"url.Error",
			`Get "https://b/k?q-ak=AKID&q-signature=abc&x=1": dial tcp 127.0.0.1:1: connect: connection refused`,
			`Get "https://b/k?q-ak=REDACTED&q-signature=REDACTED&x=1": dial tcp 127.0.0.1:1: connect: connection refused`},
		{"cos authorization header",
			"Authorization: q-sign-algorithm=sha1&q-ak=AKID&q-sign-time=1;2&q-key-time=1;2&q-header-list=host&q-url-param-list=&q-signature=abc\nHost: b",
			"Authorization: REDACTED\nHost: b"},
		{"s3 authorization value",
			"AWS4-HMAC-SHA256 Credential=AKIA/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range, Signature=fe5f80f77d5fa3be",
			"AWS4-HMAC-SHA256 Credential=REDACTED, SignedHeaders=host;range, Signature=REDACTED"},
		{"token header", "x-cos-security-token: abc def\r\nx-id: 1", "x-cos-security-token: REDACTED\r\nx-id: 1"},
		{"a lone CR ends no header line", "Credential: a\rb sessionToken=\"c\rd\"\nx", "Credential: REDACTED\nx"},
		{"json", `{"TmpSecretId":"AKID","TmpSecretKey":"s e c","Token":"t\"q","ExpiredTime":1}`,
			`{"TmpSecretId":"REDACTED","TmpSecretKey":"REDACTED","Token":"REDACTED","ExpiredTime":1}`},
		{"json with spaces", `{ "sessionToken" : "abc" }`, `{ "sessionToken" : "REDACTED" }`},
		{"escaped json", `body: {\"x-cos-security-token\":\"abc\"}`, `body: {\"x-cos-security-token\":\"REDACTED\"}`},
		{"quoted value", `Signature="abc def"; sign='xyz'`, `Signature="REDACTED"; sign='REDACTED'`},
		{"nested, escaped", "u=https%3A%2F%2Fb%2Fk%3Fq%2Dak%3DAKID%26q-signature%3Dabc%26x%3D1",
			"u=https%3A%2F%2Fb%2Fk%3Fq-ak%3DREDACTED%26q-signature%3DREDACTED%26x%3D1"},
		{"a url keeps its path",
			`Put "https://b/exports/sign=2024/report.csv?partNumber=1&q-signature=abc": EOF`,
			`Put "https://b/exports/sign=2024/report.csv?partNumber=1&q-signature=REDACTED": EOF`},
		{"cos-go-sdk-v5's error: the ':' after the url is kept",
			"GET https://b/k?q-ak=AKID&q-signature=abc: 403 AccessDenied(Message: m, RequestId: r, TraceId: t)",
			"GET https://b/k?q-ak=REDACTED&q-signature=REDACTED: 403 AccessDenied(Message: m, RequestId: r, TraceId: t)"},
		{"a sentence's full stop after the url is kept", "see https://b/k?sign=abc.", "see https://b/k?sign=REDACTED."},
		{"a url without secrets is left as it is", "GET HTTPS://b/sign=1/api_key:2?x=1 failed", "GET HTTPS://b/sign=1/api_key:2?x=1 failed"},
		{"a url that does not parse is text", "http://[::1%zz/?sign=abc x", "http://[::1%zz/?sign=REDACTED x"},
		{"xml elements", "<SecretId>AKIDx</SecretId><SecretKey>k y</SecretKey><Token>t</Token><Key>a.txt</Key>",
			"<SecretId>REDACTED</SecretId><SecretKey>REDACTED</SecretKey><Token>REDACTED</Token><Key>a.txt</Key>"},
		{"an empty element", "<Token></Token><Token/>", "<Token></Token><Token/>"},
		{"escaped ampersand in a top-level value", "?sign=ab%26cd&x=1", "?sign=REDACTED&x=1"},
		{"xml", "<Url>https://b/k?sign=abc</Url>", "<Url>https://b/k?sign=REDACTED</Url>"},
		{"go map", "map[Authorization:[q-sign-algorithm=sha1&q-ak=AKID] Host:[b]]", "map[Authorization:REDACTED"},
		{"empty value", "sign=&x=1", "sign=&x=1"},
		{"nothing", "dial tcp 127.0.0.1:1: connect: connection refused", "dial tcp 127.0.0.1:1: connect: connection refused"},
		{"unterminated quote", `token="abc`, `token="REDACTED`},
		{"a secret value past the end of the one around it", `Credential": x-cos-security-token="0000"0`, `Credential": REDACTED"0`},
		{"a header right after a value", `Authorization=000+sig.:"x`, `Authorization=REDACTED"x`},
		{"a header inside a quoted value", "Signature=\"qAk:0000\"\n", "Signature=\"REDACTED\"\n"},
		{"a header inside a value", "sign=x:token:abc def\nx=1", "sign=REDACTED\nx=1"},
		{"one after the other", "sign=abc token:def ghi\nx=1", "sign=REDACTED token:REDACTED\nx=1"},
		{"a quoted value running on past a header's line", "Signature: qAk=  \"x\r\ny\"z\r\nHost: b", "Signature: REDACTED\r\ny\"z\r\nHost: b"},
		{"long runs stay linear", strings.Repeat("sign=", 50000), "sign=REDACTED"},
		{"long quoted runs", strings.Repeat(`token="`, 50000), `token="REDACTED"`},
		{"a secret after the closing quote of another", `token=" sign="s3cret"`, `token="REDACTED"`},
		{"a header's colon at the end of a quoted value", "0 Authorization=\"000 sig:\"\r", "0 Authorization=\"REDACTED\"\r"},
		{"an element inside a quoted value", `token="<Token>"abc<`, `token="REDACTED"abc<`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text(tt.in)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, got, Text(got), "a second pass changes more")
		})
	}
}

// TestTextNoAllocation: text without secrets comes back as it is, with
// no allocation, since Text runs on every ClientError message and every
// Digest value.
func TestTextNoAllocation(t *testing.T) {
	for _, s := range []string{
		"The specified key does not exist.",
		"dial tcp 127.0.0.1:1: connect: connection refused",
		"sha1\n1615113257;1615199657\nc7503b92a8581b3f3f68c8f7f64a8917b03a1a95\n",
		"https://b/k?x-id=GetObject&versionId=3&q-url-param-list=",
		`Get "https://b/exports/sign=2024/a.csv?versionId=1": EOF`,
		strings.Repeat("a=b&", 100),
	} {
		var got string
		n := testing.AllocsPerRun(100, func() { got = Text(s) })
		assert.Equal(t, s, got)
		assert.Zero(t, n, "Text(%q) allocated %v times; want 0", s, n)
	}
}

// a fix that returns an error still showing a secret is applied once, and
// Chain's rules redact what it returned.
func TestChainWithFixOnce(t *testing.T) {
	calls := 0
	leaky := errors.New("https://b/k?q-signature=abc")
	got := ChainWith(leaky, func(err error) error {
		calls++
		return fmt.Errorf("wrapped: %w", err)
	})
	assert.Equal(t, 1, calls)
	assert.Equal(t, "wrapped: https://b/k?q-signature=REDACTED", got.Error())
	assert.NotContains(t, errors.Unwrap(got).Error(), "abc")
	assert.ErrorIs(t, got, leaky)
}
