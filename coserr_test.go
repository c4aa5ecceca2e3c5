package errcatalog_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/gen"
)

// loadCatalog loads the real catalog.yaml with the generator's loader: the
// ground truth the generated code is checked against.
func loadCatalog(t *testing.T) *gen.Catalog {
	t.Helper()
	src, err := os.ReadFile("catalog.yaml")
	require.NoError(t, err)
	c, err := gen.Load("catalog.yaml", src)
	require.NoError(t, err, "catalog.yaml is invalid")
	return c
}

// TestGenerated regenerates both outputs in memory and compares them with
// the committed files.
func TestGenerated(t *testing.T) {
	src, err := os.ReadFile("catalog.yaml")
	require.NoError(t, err)
	goSrc, md, err := gen.Generate("catalog.yaml", src, "coserr")
	require.NoError(t, err)
	for _, f := range []struct {
		path string
		want []byte
	}{
		{"coserr/codes_gen.go", goSrc},
		{"docs/codes.md", md},
	} {
		t.Run(f.path, func(t *testing.T) {
			got, err := os.ReadFile(f.path)
			require.NoError(t, err, "%s is missing: run go generate ./...", f.path)
			if !bytes.Equal(got, f.want) {
				t.Fatalf("%s is stale: run go generate ./...\n%s", f.path, firstDiff(got, f.want))
			}
		})
	}
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return fmt.Sprintf("line %d:\n committed: %q\n generated: %q", i+1, gl, wl)
		}
	}
	return "files differ"
}

// errorResponse is what COS sends for code at status: the XML <Error>
// document with its headers.
func errorResponse(code string, status int) *http.Response {
	body := fmt.Sprintf(`<?xml version='1.0' encoding='utf-8' ?>
<Error>
	<Code>%s</Code>
	<Message>message for %s</Message>
	<Resource>examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/key</Resource>
	<RequestId>NjA3OGY4NGFfNjJkMmMwYl8x</RequestId>
	<TraceId>OGVmYzZiMmQzYjA2OWNh</TraceId>
</Error>`, code, code)
	req, _ := http.NewRequest(http.MethodGet, "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/key?q-signature=secret", nil)
	return &http.Response{
		StatusCode:    status,
		Header:        http.Header{"Content-Type": {"application/xml"}, "X-Cos-Request-Id": {"NjA3OGY4NGFfNjJkMmMwYl8x"}},
		Body:          io.NopCloser(strings.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
	}
}

// TestEveryCodeRoundTrips sends every code and alias of the catalog, at
// every status it is listed with, through FromResponse, and checks that
// the error matches its sentinel and class and retries as cataloged.
func TestEveryCodeRoundTrips(t *testing.T) {
	cat := loadCatalog(t)
	classes := map[string]*coserr.Class{}
	for _, c := range []*coserr.Class{
		coserr.ErrRedirect, coserr.ErrBadRequest, coserr.ErrUnauthenticated, coserr.ErrAccessDenied,
		coserr.ErrNotFound, coserr.ErrConflict, coserr.ErrPreconditionFailed, coserr.ErrThrottled, coserr.ErrServer,
	} {
		classes[c.Name()] = c
	}
	require.Len(t, coserr.Codes(), len(cat.Codes))
	for _, k := range cat.Codes {
		sentinel := coserr.Lookup(k.Code)
		require.NotNil(t, sentinel, "Lookup(%q)", k.Code)
		class := classes[k.Class]
		require.NotNil(t, class, "class %q of %s has no Err variable", k.Class, k.Code)
		statuses := k.Statuses
		if len(statuses) == 0 { // no documented status: the code decides, whatever the status
			statuses = []int{http.StatusBadRequest}
		}
		for _, wire := range append([]string{k.Code}, k.Aliases...) {
			for _, status := range statuses {
				t.Run(fmt.Sprintf("%s/%d", wire, status), func(t *testing.T) {
					assert.Same(t, sentinel, coserr.Lookup(wire), "Lookup(%q)", wire)
					err := coserr.FromResponse(errorResponse(wire, status))
					require.ErrorIs(t, err, sentinel)
					require.ErrorIs(t, err, class)
					assert.Equal(t, k.Retryable, coserr.IsRetryable(err), "IsRetryable")

					var se *coserr.ServiceError
					require.ErrorAs(t, err, &se)
					assert.Equal(t, status, se.StatusCode)
					assert.Equal(t, wire, se.Code, "Code keeps the wire spelling")
					assert.Equal(t, "message for "+wire, se.Message)
					assert.Same(t, sentinel, se.Known())
					assert.Same(t, class, se.Class())
					assert.NotContains(t, se.URL, "secret")

					wrapped := fmt.Errorf("get object: %w", fmt.Errorf("attempt 1: %w", err))
					assert.ErrorIs(t, wrapped, sentinel)
					assert.ErrorIs(t, wrapped, class)
				})
			}
		}
	}
}

// TestEveryRefinementRoundTrips sends every cause the catalog says COS
// sends as another code's message, at every status of that code, and
// checks that the error keeps Code and Message as sent, matches both
// codes, and takes its class, retry rule and Known() from the cause.
func TestEveryRefinementRoundTrips(t *testing.T) {
	cat := loadCatalog(t)
	n := 0
	for _, k := range cat.Codes {
		refined := coserr.Lookup(k.Code)
		for _, sa := range k.SentAs {
			outer := coserr.Lookup(sa.Code)
			require.NotNil(t, outer, "sent_as code %q", sa.Code)
			for _, status := range outer.Statuses() {
				for _, message := range []string{sa.Message, "  " + sa.Message + "\n"} {
					n++
					t.Run(fmt.Sprintf("%s/%s/%d/%q", k.Code, sa.Code, status, message), func(t *testing.T) {
						body := "<Error><Code>" + sa.Code + "</Code><Message>" + message + "</Message><RequestId>r1</RequestId></Error>"
						err := coserr.Parse(status, nil, []byte(body))
						var se *coserr.ServiceError
						require.ErrorAs(t, err, &se)
						assert.Equal(t, sa.Code, se.Code, "Code as sent")
						assert.Equal(t, message, se.Message, "Message as sent")
						assert.Same(t, refined, se.Known())
						assert.Same(t, refined.Class(), se.Class())
						assert.Equal(t, refined.Retryable(), coserr.IsRetryable(err))
						wrapped := fmt.Errorf("put: %w", err)
						assert.ErrorIs(t, wrapped, refined)
						assert.ErrorIs(t, wrapped, outer)
						assert.ErrorIs(t, wrapped, refined.Class())
					})
				}
			}
		}
	}
	require.NotZero(t, n, "the catalog refines no code")

	// Only the cataloged messages refine: another message, or a code's
	// name no source shows sent this way, leaves the code as it is.
	for _, message := range []string{"Access Denied.", "NoSuchKey", "SignatureDoesNotMatch.", "request has expired"} {
		err := coserr.Parse(403, nil, []byte("<Error><Code>AccessDenied</Code><Message>"+message+"</Message></Error>"))
		var se *coserr.ServiceError
		require.ErrorAs(t, err, &se)
		assert.Same(t, coserr.AccessDenied, se.Known(), "message %q", message)
		assert.NotErrorIs(t, err, coserr.NoSuchKey)
		assert.NotErrorIs(t, err, coserr.SignatureDoesNotMatch)
	}
}

// TestCodesMatchCatalog checks every generated sentinel against its
// catalog entry, field by field.
func TestCodesMatchCatalog(t *testing.T) {
	cat := loadCatalog(t)
	codes := coserr.Codes()
	require.Len(t, codes, len(cat.Codes))
	for i, k := range cat.Codes {
		t.Run(k.Code, func(t *testing.T) {
			c := codes[i]
			assert.Equal(t, k.Code, c.Name())
			if len(k.Statuses) == 0 {
				assert.Empty(t, c.Statuses())
				assert.Zero(t, c.Status())
			} else {
				assert.Equal(t, k.Statuses, c.Statuses())
				assert.Equal(t, k.Statuses[0], c.Status())
			}
			if len(k.Aliases) == 0 {
				assert.Empty(t, c.Aliases())
			} else {
				assert.Equal(t, k.Aliases, c.Aliases())
			}
			assert.Equal(t, k.Class, c.Class().Name())
			assert.Equal(t, k.Retryable, c.Retryable())
			assert.Equal(t, k.Description, c.Description())
			assert.Equal(t, "cos: "+k.Code, c.Error())
		})
	}
	assert.True(t, slices.IsSortedFunc(codes, func(a, b *coserr.Code) int { return strings.Compare(a.Name(), b.Name()) }), "Codes() is not sorted by name")
}

// TestCatalogStyle enforces the catalog's conventions, as the Go type
// checker's codes_test.go does for its error codes.
func TestCatalogStyle(t *testing.T) {
	cat := loadCatalog(t)
	wantClasses := []string{"Redirect", "BadRequest", "Unauthenticated", "AccessDenied", "NotFound",
		"Conflict", "PreconditionFailed", "Throttled", "Server"}
	var got []string
	used := map[string]int{}
	for _, cl := range cat.Classes {
		got = append(got, cl.Name)
	}
	assert.Equal(t, wantClasses, got, "the nine classes of the contract, in order")
	for _, k := range cat.Codes {
		used[k.Class]++
		t.Run(k.Code, func(t *testing.T) {
			d := k.Description
			assert.True(t, unicode.IsUpper([]rune(d)[0]), "description %q does not start with a capital", d)
			assert.True(t, strings.HasSuffix(d, "."), "description %q does not end with a period", d)
			assert.NotContains(t, d, "\n", "description spans lines")
			assert.LessOrEqual(t, len(d), 160, "description is longer than 160 bytes")
			for _, a := range k.Aliases {
				assert.NotEqual(t, k.Code, a, "alias repeats the code")
			}
			switch k.Class {
			case "Throttled":
				assert.True(t, k.Retryable, "a throttling code is retryable")
			case "Server":
				assert.Equal(t, len(k.Statuses) == 0 || k.Statuses[0] != http.StatusNotImplemented, k.Retryable,
					"a server fault is retryable unless it is 501 Not Implemented")
			}
			if len(k.Statuses) > 0 && k.Statuses[0] >= 500 && k.Statuses[0] != http.StatusNotImplemented && !k.Retryable {
				// A 5xx that is not retried is a quota or a bad request sent
				// with a server status (TooManyJobs), never a server fault.
				assert.NotEqual(t, "Server", k.Class, "a %d code that is not retryable is not class Server", k.Statuses[0])
				assert.NotEmpty(t, k.Why, "a %d code that is not retryable says why", k.Statuses[0])
			}
			if k.Retryable {
				assert.NotEmpty(t, k.Why, "a retryable code says why")
			}
		})
	}
	for _, cl := range wantClasses {
		assert.Positive(t, used[cl], "class %s has no code", cl)
	}
}

// TestCatalogCounts pins the size of the catalog loosely: a change that
// loses many codes at once is a mistake.
func TestCatalogCounts(t *testing.T) {
	cat := loadCatalog(t)
	wire := 0
	for _, k := range cat.Codes {
		wire += 1 + len(k.Aliases)
	}
	assert.GreaterOrEqual(t, wire, 170, "wire spellings in the catalog")
	for _, name := range []string{
		"NoSuchBucket", "NoSuchKey", "NoSuchUpload", "SlowDown", "InternalError", "ServiceUnavailable",
		"SignatureDoesNotMatch", "AccessDenied", "PreconditionFailed", "PermanentRedirect",
		"KmsFreqControl", "TooManyRequestsException", "ValidationException", "InternalErrror", "BadRquest",
	} {
		assert.NotNil(t, coserr.Lookup(name), "Lookup(%q)", name)
	}
	assert.Equal(t, []int{404, 400}, coserr.NoSuchUpload.Statuses())
	assert.Equal(t, []int{412, 400}, coserr.PreconditionFailed.Statuses())
	assert.Equal(t, 503, coserr.SlowDown.Status())
	assert.True(t, errors.Is(coserr.NoSuchKey, coserr.ErrNotFound))
}
