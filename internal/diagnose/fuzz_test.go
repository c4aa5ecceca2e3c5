package diagnose

import (
	"strings"
	"testing"
)

// FuzzParseText feeds ParseText anything a person might paste: it must
// never panic, and the report of what it reads never shows the planted
// signature, SecretId or token.
func FuzzParseText(f *testing.F) {
	for _, seed := range []string{
		"<Error><Code>SignatureDoesNotMatch</Code><StringToSign>sha1\n1;2\nab\n</StringToSign><FormatString>put\n/a b\n\nhost=b-1250000000.cos.ap-guangzhou.myqcloud.com\n</FormatString><Resource>b.cos.ap-guangzhou.myqcloud.com/a+b</Resource><RequestId>x</RequestId></Error>",
		`{'code': 'SlowDown', 'message': 'm', 'requestid': 'r'}`,
		"cos: 403 AccessDenied: Request has expired (request id r)",
		"GET https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a?q-ak=SECRETAK&q-signature=SECRETSIG&x=1: 503 SlowDown(Message: m, n, RequestId: r, TraceId: t); HEAD https://b/a: 404 (Message: , RequestId: , TraceId: )",
		"operation error S3: GetObject, https response error StatusCode: 404, RequestID: r, HostID: h, api error NoSuchKey: m",
		"cos: GET https://b.cos.ap-guangzhou.myqcloud.com/a?q-ak=SECRETAK&q-signature=SECRETSIG&x=1: dial tcp: lookup b: no such host",
		"PUT https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a?q-sign-time=1;2&q-ak=SECRETAK&q-signature=SECRETSIG&x-cos-security-token=SECRETTOKEN&x=1 <Error><Code>AccessDenied</Code><Message>Request has expired</Message><ServerTime>2020-01-01T00:00:00Z</ServerTime></Error>",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		in, ok := ParseText(text)
		if !ok {
			return
		}
		facts := Facts{Code: in.Code, ClockSkew: true, Class: "Throttled"}
		r := Report{Facts: facts, Input: in, Findings: Findings(in, facts)}
		out := r.String()
		for _, planted := range []struct{ key, secret string }{
			{"q-ak=", "SECRETAK"}, {"q-signature=", "SECRETSIG"}, {"x-cos-security-token=", "SECRETTOKEN"},
		} {
			// Planted as a query parameter: a secret by its key.
			if strings.Contains(text, "&"+planted.key+planted.secret+"&") && strings.Contains(out, planted.secret) {
				t.Errorf("report shows %s:\n%s", planted.secret, out)
			}
		}
	})
}
