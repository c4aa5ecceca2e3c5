package redact

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBody(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no secret", "<Error><Code>NoSuchKey</Code></Error>", "<Error><Code>NoSuchKey</Code></Error>"},
		{"secret element", "<Error><SecretKey>k e y</SecretKey><Key>a.txt</Key></Error>", "<Error><SecretKey>REDACTED</SecretKey><Key>a.txt</Key></Error>"},
		{"CDATA", "<Error><Message><![CDATA[x-cos-security-token=tok123]]></Message></Error>", "<Error><Message><![CDATA[x-cos-security-token=REDACTED]]></Message></Error>"},
		{"FormatString path kept", "<FormatString>get\n/sign=1/a\nq-ak=AKIDx&q-signature=abc\n</FormatString>", "<FormatString>get\n/sign=1/a\nq-ak=REDACTED&q-signature=REDACTED\n</FormatString>"},
		{"FormatString path line with a signed query", "<FormatString>get\n/a?q-ak=AKIDx&amp;q-signature=abc&amp;x-cos-security-token=tok\n\n</FormatString>",
			"<FormatString>get\n/a?q-ak=REDACTED&amp;q-signature=REDACTED&amp;x-cos-security-token=REDACTED\n\n</FormatString>"},
		{"FormatString path line with an S3 query", "<FormatString>get\n/b/k?X-Amz-Credential=AKIDx%2F2026&X-Amz-Signature=abc\n</FormatString>",
			"<FormatString>get\n/b/k?X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED\n</FormatString>"},
		{"FormatString path line with a plain query", "<FormatString>get\n/sign=1/a?versionId=v1\n\n</FormatString>", "<FormatString>get\n/sign=1/a?versionId=v1\n\n</FormatString>"},
		{"header line ends at the tag", "<H>x-cos-security-token: tok</H><C>x</C>", "<H>x-cos-security-token: REDACTED</H><C>x</C>"},
		{"cut inside a tag", "<Error><Token>abc</Tok", "<Error><Token>REDACTED</Tok"},
		{"cut inside CDATA", "<A><![CDATA[token=abc", "<A><![CDATA[token=REDACTED"},
		{"not XML", `{"token":"abc"}`, `{"token":"REDACTED"}`},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Body(tt.in)
			assert.Equal(t, tt.want, got, "Body(%q)", tt.in)
			assert.Equal(t, got, Body(got), "a second pass changes nothing")
		})
	}
}
