package fromcatalog_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
	"github.com/cosgo/errcatalog/internal/diagnose"
	"github.com/cosgo/errcatalog/internal/diagnose/fromcatalog"
)

func load(t *testing.T) *gen.Catalog {
	t.Helper()
	src, err := os.ReadFile("../../../catalog.yaml")
	require.NoError(t, err)
	cat, err := gen.Load("catalog.yaml", src)
	require.NoError(t, err)
	return cat
}

func TestFacts(t *testing.T) {
	cat := load(t)
	tests := []struct {
		name      string
		in        diagnose.Input
		code      string
		class     string
		retryable bool
		status    int
	}{
		{"a code", diagnose.Input{Code: "NoSuchKey"}, "NoSuchKey", "NotFound", false, 404},
		{"an alias", diagnose.Input{Status: 500, Code: "InternalErrror"}, "InternalError", "Server", true, 500},
		{"a refining message", diagnose.Input{Status: 403, Code: "AccessDenied", Message: " Request has expired "}, "Request has expired", "Unauthenticated", false, 403},
		{"a bare sent_as message", diagnose.Input{Message: "Request has expired"}, "Request has expired", "Unauthenticated", false, 403},
		{"an unknown code", diagnose.Input{Status: 503, Code: "NoSuchThing"}, "", "Server", true, 503},
		{"no code", diagnose.Input{Status: 429}, "", "Throttled", true, 429},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			f := fromcatalog.Facts(cat, &in)
			assert.Equal(t, tt.code, f.Code)
			assert.Equal(t, tt.class, f.Class)
			assert.Equal(t, tt.retryable, f.Retryable)
			assert.Equal(t, tt.status, in.Status, "the status, given or the code's only one")
			assert.NotEmpty(t, f.Hints, "every code and class has hints")
		})
	}
}

func TestReportNoError(t *testing.T) {
	cat := load(t)
	_, err := fromcatalog.Report(cat, "")
	assert.ErrorIs(t, err, fromcatalog.ErrNoError)
	_, err = fromcatalog.Report(cat, "nothing went wrong")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"nothing went wrong" is no message of the catalog`)

	signed := "GET https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a?q-sign-algorithm=sha1&q-ak=AKIDexampleSECRETID&q-sign-time=1&q-key-time=1&q-header-list=host&q-url-param-list=&q-signature=0123456789abcdef0123456789abcdef01234567&x-cos-security-token=SESSIONTOKENVALUE failed"
	_, err = fromcatalog.Report(cat, signed)
	require.Error(t, err)
	for _, secret := range []string{"AKIDexampleSECRETID", "0123456789abcdef0123456789abcdef01234567", "SESSIONTOKENVALUE"} {
		assert.NotContains(t, err.Error(), secret, "the error echoes the paste without its secrets")
	}
	assert.Contains(t, err.Error(), "q-sign-time=1", "the rest of the paste as it was")
}

// The report is scrubbed of secrets as a whole (diagnose.Scrub): the
// catalog's own text must come through it unchanged, or a hint reads
// "not an existing SecretId: REDACTED" in every report of its code.
func TestCatalogTextSurvivesScrub(t *testing.T) {
	cat := load(t)
	check := func(where, s string) {
		assert.Equal(t, s, diagnose.Scrub(s), "%s reads otherwise in a report", where)
	}
	for _, k := range cat.Codes {
		check(k.Code+" description", k.Description)
		for i, h := range k.Hints {
			check(fmt.Sprintf("%s hint %d cause", k.Code, i+1), h.Cause)
			check(fmt.Sprintf("%s hint %d fix", k.Code, i+1), h.Fix)
		}
	}
	for _, c := range cat.Classes {
		check(c.Name+" description", c.Description)
		for i, h := range c.Hints {
			check(fmt.Sprintf("class %s hint %d cause", c.Name, i+1), h.Cause)
			check(fmt.Sprintf("class %s hint %d fix", c.Name, i+1), h.Fix)
		}
	}
}

// A Cloud Infinite job's <Response> business error comes inside a 200
// (COS-ERRORS (a)): pasted alone, it shows no status, and the report
// makes none up from the code's usual one.
func TestReportCIResponseStatus(t *testing.T) {
	cat := load(t)
	report, err := fromcatalog.Report(cat, `<Response><Code>InvalidArgument</Code><Message>Part is required</Message><State>Failed</State><RequestId>NjA3</RequestId></Response>`)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(report, "InvalidArgument [class BadRequest]\n"), report)
}
