package gen_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
)

// smallCatalog is a catalog with a code that has a Go name differing from
// its wire spelling, an alias and two statuses.
const smallCatalog = `classes:
  - name: NotFound
    description: Nothing there.
  - name: Server
    description: The service failed.
codes:
  - code: InternalError
    aliases: [InternalErrror]
    status: 500
    class: Server
    retryable: true
    description: The server hit an internal error.
  - code: NoSuchBucket
    status: 404
    class: NotFound
    retryable: false
    description: The specified bucket does not exist.
  - code: NoSuchUpload
    status: [404, 400]
    class: NotFound
    retryable: false
    description: The upload does not exist.
  - code: no-such-thing
    name: NoSuchThing
    status: [400, 404]
    class: NotFound
    retryable: false
    description: A made-up code.
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
		{"NoSuchBucket", []string{"NoSuchBucket\n", "go name:", "coserr.NoSuchBucket", "status:", "404", "class:", "NotFound (coserr.ErrNotFound)", "retryable:", "no", "aliases:", "none", "description:", "The specified bucket does not exist."}, []string{"alias of"}},
		{"coserr.NoSuchBucket", []string{"NoSuchBucket\n", "coserr.NoSuchBucket"}, nil},
		{"  NoSuchBucket\n", []string{"NoSuchBucket\n"}, nil},
		{"InternalError", []string{"InternalError\n", "500", "Server (coserr.ErrServer)", "retryable:", "yes", "aliases:", "InternalErrror"}, []string{"alias of"}},
		{"InternalErrror", []string{"InternalErrror is an alias of InternalError", "InternalError\n", "retryable:", "yes"}, nil},
		{"NoSuchUpload", []string{"status:", "404, 400 (404 primary)"}, nil},
		{"NoSuchThing", []string{`NoSuchThing is the Go name of the code "no-such-thing"`, "no-such-thing\n", "coserr.NoSuchThing"}, nil},
		{"no-such-thing", []string{"no-such-thing\n", "coserr.NoSuchThing"}, []string{"Go name of"}},
		{"404", []string{"HTTP 404 Not Found: 3 codes", "CODE", "STATUS", "CLASS", "RETRYABLE", "DESCRIPTION", "NoSuchBucket", "NoSuchUpload", "no-such-thing  400, 404"}, []string{"InternalError"}},
		{"400", []string{"HTTP 400 Bad Request: 2 codes", "no-such-thing", "NoSuchUpload"}, []string{"NoSuchBucket"}},
		{"500", []string{"HTTP 500 Internal Server Error: 1 code\n", "InternalError", "yes"}, nil},
		{"NotFound", []string{"class NotFound (coserr.ErrNotFound): Nothing there.", "3 codes", "NoSuchBucket", "NoSuchUpload", "no-such-thing"}, []string{"InternalError"}},
		{"ErrServer", []string{"class Server (coserr.ErrServer)", "1 code\n", "InternalError"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := gen.Explain(cat, tt.query)
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

func TestExplainStatusOrder(t *testing.T) {
	// Codes whose primary status is the query come first.
	got, err := gen.Explain(loadSmall(t), "404")
	require.NoError(t, err)
	bucket, upload, thing := strings.Index(got, "NoSuchBucket"), strings.Index(got, "NoSuchUpload"), strings.Index(got, "no-such-thing")
	assert.True(t, bucket < upload && upload < thing, "Explain(404) = %q; want NoSuchBucket, NoSuchUpload, then no-such-thing (primary 400)", got)
}

func TestExplainUnknown(t *testing.T) {
	cat := loadSmall(t)
	tests := []struct {
		query   string
		suggest []string
		msg     string
	}{
		{"NoSuchBuckt", []string{"NoSuchBucket"}, `unknown code "NoSuchBuckt"; did you mean NoSuchBucket?`},
		{"nosuchbucket", []string{"NoSuchBucket"}, "did you mean NoSuchBucket?"},
		{"NOSUCHUPLOAD", []string{"NoSuchUpload"}, "did you mean NoSuchUpload?"},
		{"InternalErrorr", []string{"InternalError"}, "did you mean InternalError?"},
		{"internalerrrror", []string{"InternalError"}, "did you mean InternalError?"}, // near the alias only
		{"NoSuchThng", []string{"no-such-thing"}, "did you mean no-such-thing?"},      // near the Go name only
		{"NotFund", []string{"NotFound"}, "did you mean NotFound?"},
		{"NoSuchUplod", []string{"NoSuchUpload"}, "did you mean NoSuchUpload?"},
		{"NoSuch", []string{"NoSuchBucket", "NoSuchUpload", "no-such-thing"}, "did you mean one of NoSuchBucket, NoSuchUpload, no-such-thing?"},
		{"Zebra", nil, `unknown code "Zebra"`},
		{"", nil, `unknown code ""`},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := gen.Explain(cat, tt.query)
			require.Error(t, err, "Explain(%q) = %q", tt.query, got)
			var ue *gen.UnknownError
			require.True(t, errors.As(err, &ue), "Explain(%q) error = %T; want *gen.UnknownError", tt.query, err)
			assert.Equal(t, tt.suggest, ue.Suggestions, "suggestions for %q", tt.query)
			assert.Contains(t, err.Error(), tt.msg)
			assert.Equal(t, tt.query, ue.Query)
		})
	}
}

func TestExplainNoSuchStatus(t *testing.T) {
	for _, q := range []string{"418", "200", "99999999999999999999999"} {
		t.Run(q, func(t *testing.T) {
			got, err := gen.Explain(loadSmall(t), q)
			require.Error(t, err, "Explain(%q) = %q", q, got)
			var ue *gen.UnknownError
			assert.False(t, errors.As(err, &ue), "Explain(%q) error = %v; want a status error", q, err)
			assert.Contains(t, err.Error(), "status")
		})
	}
}

func TestSuggestRealCatalog(t *testing.T) {
	src, err := os.ReadFile("../catalog.yaml")
	require.NoError(t, err)
	cat, err := gen.Load("catalog.yaml", src)
	require.NoError(t, err)
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
			got := gen.Suggest(cat, tt.query)
			require.NotEmpty(t, got, "Suggest(%q)", tt.query)
			assert.Equal(t, tt.want, got[0], "Suggest(%q) = %v; want %s first", tt.query, got, tt.want)
			assert.LessOrEqual(t, len(got), 5)
		})
	}
	// Every code explains by its wire spelling, its Go name and every alias.
	for _, k := range cat.Codes {
		for _, q := range append([]string{k.Code, k.Name}, k.Aliases...) {
			got, err := gen.Explain(cat, q)
			require.NoError(t, err, "Explain(%q)", q)
			assert.Contains(t, got, k.Code+"\n", "Explain(%q)", q)
			assert.Contains(t, got, oneLine(k.Description), "Explain(%q)", q)
		}
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
