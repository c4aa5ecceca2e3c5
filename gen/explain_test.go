package gen_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
)

// smallCatalog is a catalog with a code that has a Go name differing from
// its wire spelling, an alias, two statuses, a why, a refinement and clock
// skew, in two families.
var smallCatalog = `families: [{name: COS, description: The XML API.}, {name: CI, description: Cloud Infinite.}]
sources:
  - {id: doc, url: "https://example.com/doc", title: A page.}
  - {id: sdk, url: "https://example.com/sdk", title: An SDK.}
classes:
` + classLines(9) + `codes:
  - {code: AccessDenied, status: 403, class: AccessDenied, retryable: false,
     families: [COS, CI], sources: [doc], description: Not allowed.,
     hints: [{message: Request has expired, cause: The signature expired., fix: Sign again., sources: [sdk]},
       {cause: A policy denies it., fix: Allow it., sources: [doc]}]}
  - {code: InternalError, aliases: [InternalErrror], status: 500, class: Server, retryable: true,
     why: "500: a passing fault", families: [COS], sources: [doc, sdk], description: The server hit an internal error.,
     hints: [{cause: The server failed., fix: Retry., sources: [doc]}]}
  - {code: NoSuchBucket, status: 404, class: NotFound, retryable: false,
     families: [COS], sources: [doc], description: The specified bucket does not exist.,
     hints: [{cause: The bucket name lacks its APPID., fix: Use the full name., sources: [doc]}]}
  - {code: NoSuchUpload, status: [404, 400], class: NotFound, retryable: false,
     families: [COS], sources: [doc], description: The upload does not exist.,
     hints: [{cause: The upload was completed., fix: Start another., sources: [doc]}]}
  - {code: Request has expired, name: RequestHasExpired, status: [], class: Unauthenticated, retryable: false,
     families: [COS], sent_as: [{code: AccessDenied, message: Request has expired}], clock_skew: true,
     sources: [doc], description: The signature has expired.,
     hints: [{cause: The clock is wrong., fix: Set the clock., sources: [doc]}]}
  - {code: no-such-thing, name: NoSuchThing, status: [400, 404], class: NotFound, retryable: false,
     families: [CI], checks: [signature, cors], sources: [sdk], description: A made-up code.,
     hints: [{cause: It was made up., fix: Make it real., sources: [sdk]}]}
`

func loadSmall(t *testing.T) *gen.Catalog {
	t.Helper()
	cat, err := gen.Load("small.yaml", []byte(smallCatalog))
	require.NoError(t, err)
	return cat
}

func TestExplainFound(t *testing.T) {
	cat := loadSmall(t)
	tests := []struct {
		query string
		want  []string // substrings of the text, in order
		not   []string // substrings it must not have
	}{
		{"NoSuchBucket", []string{"NoSuchBucket\n", "go name:", "coserr.NoSuchBucket", "families:", "COS", "status:", "404", "class:", "NotFound (coserr.ErrNotFound)",
			"retryable:", "no", "aliases:", "none", "sources:", "doc\n", "description:", "The specified bucket does not exist.",
			"Likely causes, most likely first:\n\n 1. The bucket name lacks its APPID.\n    Fix: Use the full name.\n    Sources: doc\n",
			"(errgen explain -urls shows where each source is.)"},
			[]string{"alias of", "sent as", "refined by", "clock skew", "diagnose checks", "https://"}},
		{"coserr.NoSuchBucket", []string{"NoSuchBucket\n", "coserr.NoSuchBucket"}, nil},
		{"AccessDenied", []string{"retryable:", "no (the request is refused as sent"}, nil},
		{"RequestHasExpired", []string{"retryable:", "no\n"}, []string{"refused as sent"}},
		{"  NoSuchBucket\n", []string{"NoSuchBucket\n"}, nil},
		{"InternalError", []string{"InternalError\n", "500", "Server (coserr.ErrServer)", "retryable:", "yes (500: a passing fault)", "aliases:", "InternalErrror",
			"sources:", "doc, sdk\n"}, []string{"alias of"}},
		{"InternalErrror", []string{"InternalErrror is an alias of InternalError", "InternalError\n", "retryable:", "yes"}, nil},
		{"NoSuchUpload", []string{"status:", "404, 400 (404 primary)"}, nil},
		{"NoSuchThing", []string{`NoSuchThing is the Go name of the code "no-such-thing"`, "no-such-thing\n", "coserr.NoSuchThing", "families:", "CI",
			"diagnose checks:", "signature, cors\n"}, nil},
		{"no-such-thing", []string{"no-such-thing\n", "coserr.NoSuchThing"}, []string{"Go name of"}},
		{"RequestHasExpired", []string{"Request has expired\n", "status:", "unknown (no source documents one)",
			`COS sends it as:  AccessDenied with message "Request has expired"`, "clock skew:", "yes: it can mean that the local clock is wrong"}, nil},
		{"AccessDenied", []string{"AccessDenied\n", "families:", "COS, CI", `refined by:`, `Request has expired (coserr.RequestHasExpired) when the message is "Request has expired"`,
			" 1. The signature expired.\n    When the message is \"Request has expired\".\n    Fix: Sign again.\n    Sources: sdk\n", " 2. A policy denies it."}, []string{"sent as"}},
		{"404", []string{"HTTP 404 Not Found: 3 codes", "CODE", "STATUS", "CLASS", "RETRYABLE", "FAMILIES", "DESCRIPTION", "NoSuchBucket", "NoSuchUpload", "no-such-thing  400, 404",
			"A code-less or unknown-code error with status 404: class NotFound (coserr.ErrNotFound), retryable no (the request is refused as sent; sending it unchanged fails the same way)."},
			[]string{"InternalError"}},
		{"400", []string{"HTTP 400 Bad Request: 2 codes", "no-such-thing", "NoSuchUpload", "status 400: class BadRequest (coserr.ErrBadRequest), retryable no"}, []string{"NoSuchBucket"}},
		{"500", []string{"HTTP 500 Internal Server Error: 1 code\n", "InternalError", "yes", "status 500: class Server (coserr.ErrServer), retryable yes (5xx:"}, nil},
		{"502", []string{"HTTP 502 Bad Gateway: no code of the catalog has this status\n\n", "status 502: class Server (coserr.ErrServer), retryable yes"}, []string{"CODE"}},
		{"408", []string{"HTTP 408 Request Timeout: no code", "status 408: class BadRequest (coserr.ErrBadRequest), retryable yes (408:"}, nil},
		{"304", []string{"HTTP 304 Not Modified: no code", "status 304: class PreconditionFailed (coserr.ErrPreconditionFailed), retryable no"}, nil},
		{"501", []string{"status 501: class Server (coserr.ErrServer), retryable no (501:"}, nil},
		{"599", []string{"HTTP 599: no code", "class Server"}, nil},
		{"NotFound", []string{"class NotFound (coserr.ErrNotFound): Nothing there.", "3 codes", "NoSuchBucket", "NoSuchUpload", "no-such-thing"}, []string{"InternalError"}},
		{"ErrServer", []string{"class Server (coserr.ErrServer)", "1 code\n", "InternalError", " 1. Cause of Server.\n    Fix: Fix of Server.\n"}, nil},
		{"CI", []string{"family CI: Cloud Infinite.", "2 codes", "AccessDenied", "no-such-thing"}, []string{"NoSuchBucket"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := gen.Explain(cat, tt.query, false)
			require.NoError(t, err, "Explain(%q)", tt.query)
			rest := got
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				require.GreaterOrEqual(t, i, 0, "Explain(%q) = %q; want %q (in order)", tt.query, got, w)
				rest = rest[i+len(w):]
			}
			for _, n := range tt.not {
				assert.NotContains(t, got, n, "Explain(%q)", tt.query)
			}
		})
	}
}

// TestExplainURLs checks that with urls, the sources that the code and
// its hints cite follow, with titles and URLs, and no others.
func TestExplainURLs(t *testing.T) {
	got, err := gen.Explain(loadSmall(t), "AccessDenied", true)
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(got, "\nSources:\n  doc: A page.\n    https://example.com/doc\n  sdk: An SDK.\n    https://example.com/sdk\n"), "%s", got)
	got, err = gen.Explain(loadSmall(t), "NoSuchBucket", true)
	require.NoError(t, err)
	assert.NotContains(t, got, "sdk")
}

func TestExplainStatusOrder(t *testing.T) {
	// Codes whose primary status is the query come first.
	got, err := gen.Explain(loadSmall(t), "404", false)
	require.NoError(t, err)
	bucket, upload, thing := strings.Index(got, "NoSuchBucket"), strings.Index(got, "NoSuchUpload"), strings.Index(got, "no-such-thing")
	assert.True(t, bucket < upload && upload < thing, "Explain(404) = %q; want NoSuchBucket, NoSuchUpload, then no-such-thing (primary 400)", got)
}

func TestExplainUnknown(t *testing.T) {
	cat := loadSmall(t)
	tests := []struct{ query, msg string }{
		{"NoSuchBuckt", `unknown code "NoSuchBuckt"; did you mean NoSuchBucket?`},
		{"nosuchbucket", `unknown code "nosuchbucket"; did you mean NoSuchBucket?`},
		{"NOSUCHUPLOAD", `unknown code "NOSUCHUPLOAD"; did you mean NoSuchUpload?`},
		{"InternalErrorr", `unknown code "InternalErrorr"; did you mean InternalError?`},
		{"internalerrrror", `unknown code "internalerrrror"; did you mean InternalError?`}, // near the alias only
		{"NoSuchThng", `unknown code "NoSuchThng"; did you mean no-such-thing?`},           // near the Go name only
		{"NotFund", `unknown code "NotFund"; did you mean NotFound?`},
		{"Vektor", `unknown code "Vektor"`},
		{"ci", `unknown code "ci"; did you mean CI?`},
		{"NoSuchUplod", `unknown code "NoSuchUplod"; did you mean NoSuchUpload?`},
		{"NoSuch", `unknown code "NoSuch"; did you mean one of NoSuchBucket, NoSuchUpload, no-such-thing?`},
		{"Zebra", `unknown code "Zebra"`},
		{"", `unknown code ""`},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := gen.Explain(cat, tt.query, false)
			require.Error(t, err, "Explain(%q) = %q", tt.query, got)
			assert.Equal(t, tt.msg, err.Error())
		})
	}
}

func TestExplainNotAnErrorStatus(t *testing.T) {
	for _, q := range []string{"200", "299", "600", "99999999999999999999999"} {
		t.Run(q, func(t *testing.T) {
			got, err := gen.Explain(loadSmall(t), q, false)
			require.Error(t, err, "Explain(%q) = %q", q, got)
			assert.Equal(t, "status "+q+" is not an error status; want 300..599", err.Error())
		})
	}
}

// TestExplainEveryStatus checks that every error status is explained,
// with the class and retry rule of the status fallback.
func TestExplainEveryStatus(t *testing.T) {
	cat := loadSmall(t)
	for st := 300; st <= 599; st++ {
		got, err := gen.Explain(cat, strconv.Itoa(st), false)
		require.NoError(t, err, "Explain(%d)", st)
		assert.Contains(t, got, fmt.Sprintf("A code-less or unknown-code error with status %d: class ", st))
	}
}

func TestSuggestRealCatalog(t *testing.T) {
	cat := loadReal(t)
	tests := []struct {
		query string
		want  string
	}{
		{"NoSuchBuckt", "NoSuchBucket"},
		{"nosuchkey", "NoSuchKey"},
		{"SlowDwn", "SlowDown"},
		{"AccesDenied", "AccessDenied"},
		{"InternalErrrror", "InternalError"},
		{"SignatureDoesNotMach", "SignatureDoesNotMatch"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			_, err := gen.Explain(cat, tt.query, false)
			require.Error(t, err)
			assert.Regexp(t, `did you mean (one of )?`+tt.want+`\b`, err.Error())
		})
	}
	// Every code explains by its wire spelling, its Go name and every alias.
	for _, k := range cat.Codes {
		for _, q := range append([]string{k.Code, k.Name}, k.Aliases...) {
			got, err := gen.Explain(cat, q, false)
			require.NoError(t, err, "Explain(%q)", q)
			assert.Contains(t, got, k.Code+"\n", "Explain(%q)", q)
			assert.Contains(t, got, oneLine(k.Description), "Explain(%q)", q)
		}
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
