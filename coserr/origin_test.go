package coserr_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// TestOriginRedactsSecrets: Origin is the body with the values of secrets
// redacted and every other byte as received; Body stays raw.
func TestOriginRedactsSecrets(t *testing.T) {
	const (
		token = "originSessionTokenDoNotLeak0123456789"
		sig   = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567"
		ak    = "AKIDoriginSecretIdDoNotLeak"
	)
	tests := []struct {
		name    string
		body    string
		secrets []string
	}{
		{
			name: "FormatString with the signed headers",
			body: "<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>SignatureDoesNotMatch</Code>\n" +
				"\t<Message>The Signature you specified is invalid.</Message>\n" +
				"\t<StringToSign>sha1\n1615113257;1615199657\nc7503b92a8581b3f3f68c8f7f64a8917b03a1a95\n</StringToSign>\n" +
				"\t<FormatString>put\n/exports/sign=2024/a.csv\n\ncontent-length=5&host=o2-1258123310.cos.ap-beijing.myqcloud.com&x-cos-security-token=" + token + "\n</FormatString>\n" +
				"\t<RequestId>NjA0NGFjMmFfZTViOTJhMDlfMjA0NDlfNzU0MzM4NQ==</RequestId>\n</Error>",
			secrets: []string{token},
		},
		{
			name: "FormatString with the URL parameters",
			body: "<Error><Code>SignatureDoesNotMatch</Code><FormatString>get\n/a.txt\nq-ak=" + ak + "&q-signature=" + sig +
				"&x-cos-security-token=" + token + "\nhost=b-1250000000.cos.ap-guangzhou.myqcloud.com\n</FormatString></Error>",
			secrets: []string{ak, sig, token},
		},
		{
			name: "a header line and a signed URL",
			body: "<Error><Code>AccessDenied</Code><Message>see https://b-1250000000.cos.ap-guangzhou.myqcloud.com/k?q-signature=" + sig +
				"</Message><Header>x-cos-security-token: " + token + "</Header></Error>",
			secrets: []string{sig, token},
		},
		{
			name:    "JSON",
			body:    `{"code":"AccessDenied","message":"denied","x-cos-security-token":"` + token + `","request_id":"r1"}`,
			secrets: []string{token},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := coserrtest.Response(nil, coserrtest.WithStatus(403), coserrtest.WithBody("application/xml", tt.body))
			var se *coserr.ServiceError
			require.ErrorAs(t, coserr.FromResponse(resp), &se)
			want := tt.body
			for _, s := range tt.secrets {
				want = strings.ReplaceAll(want, s, "REDACTED")
			}
			assert.Equal(t, want, se.Origin(), "Origin() = %q", se.Origin())
			assert.Equal(t, tt.body, string(se.Body), "Body is raw")
		})
	}
}
