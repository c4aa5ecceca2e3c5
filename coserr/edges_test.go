package coserr_test

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// TestAnswersAtTheEdges: at the edges of the catalog's rules, every answer
// is the documented one. A known code decides class and retry whatever its
// status; an empty or unknown code falls in its status's class, none
// outside 300..599; a code matches only as spelled (case and all), trimmed
// of space, or as an alias; the x-cos-error-code header stands in for a
// body without a code. Error and LogValue show the code as sent.
func TestAnswersAtTheEdges(t *testing.T) {
	xml := func(code string) []byte {
		return []byte("<Error><Code>" + code + "</Code><Message>m</Message><RequestId>rid</RequestId></Error>")
	}
	hdr := func(code string) http.Header { return http.Header{"X-Cos-Error-Code": {code}} }
	tests := []struct {
		name      string
		status    int
		header    http.Header
		body      []byte
		code      string       // ServiceError.Code
		known     *coserr.Code // Known and the sentinel errors.Is matches; nil for none
		class     *coserr.Class
		retryable bool
		text      string // Error()
	}{
		{"known code, unlisted 403", 403, nil, xml("NoSuchKey"), "NoSuchKey", coserr.NoSuchKey, coserr.ErrNotFound, false, "cos: 403 NoSuchKey: m (request id rid)"},
		{"known code, unlisted 500", 500, nil, xml("NoSuchKey"), "NoSuchKey", coserr.NoSuchKey, coserr.ErrNotFound, false, "cos: 500 NoSuchKey: m (request id rid)"},
		{"known code, status 0", 0, nil, xml("NoSuchKey"), "NoSuchKey", coserr.NoSuchKey, coserr.ErrNotFound, false, "cos: 0 NoSuchKey: m (request id rid)"},
		{"known code, status 600", 600, nil, xml("SlowDown"), "SlowDown", coserr.SlowDown, coserr.ErrThrottled, true, "cos: 600 SlowDown: m (request id rid)"},
		{"unknown code, 404", 404, nil, xml("NoSuchThing"), "NoSuchThing", nil, coserr.ErrNotFound, false, "cos: 404 NoSuchThing: m (request id rid)"},
		{"unknown code, 409", 409, nil, xml("NoSuchThing"), "NoSuchThing", nil, coserr.ErrConflict, false, "cos: 409 NoSuchThing: m (request id rid)"},
		{"unknown code, 503", 503, nil, xml("NoSuchThing"), "NoSuchThing", nil, coserr.ErrServer, true, "cos: 503 NoSuchThing: m (request id rid)"},
		{"unknown code, 200", 200, nil, xml("NoSuchThing"), "NoSuchThing", nil, nil, false, "cos: 200 NoSuchThing: m (request id rid)"},
		{"unknown code, 600", 600, nil, xml("NoSuchThing"), "NoSuchThing", nil, nil, false, "cos: 600 NoSuchThing: m (request id rid)"},
		{"no code, 302", 302, nil, nil, "", nil, coserr.ErrRedirect, false, "cos: 302 Found"},
		{"no code, 304", 304, nil, nil, "", nil, coserr.ErrPreconditionFailed, false, "cos: 304 Not Modified"},
		{"no code, 400", 400, nil, nil, "", nil, coserr.ErrBadRequest, false, "cos: 400 Bad Request"},
		{"no code, 501", 501, nil, nil, "", nil, coserr.ErrServer, false, "cos: 501 Not Implemented"},
		{"no code, 503", 503, nil, nil, "", nil, coserr.ErrServer, true, "cos: 503 Service Unavailable"},
		{"no code, 0", 0, nil, nil, "", nil, nil, false, "cos: 0"},
		{"no code, 600", 600, nil, nil, "", nil, nil, false, "cos: 600"},
		{"lower case", 404, nil, xml("nosuchkey"), "nosuchkey", nil, coserr.ErrNotFound, false, "cos: 404 nosuchkey: m (request id rid)"},
		{"upper case", 500, nil, xml("NOSUCHKEY"), "NOSUCHKEY", nil, coserr.ErrServer, true, "cos: 500 NOSUCHKEY: m (request id rid)"},
		{"spaces around", 404, nil, xml(" \n\tNoSuchKey \r\n"), "NoSuchKey", coserr.NoSuchKey, coserr.ErrNotFound, false, "cos: 404 NoSuchKey: m (request id rid)"},
		{"alias", 500, nil, xml("InternalErrror"), "InternalErrror", coserr.InternalError, coserr.ErrServer, true, "cos: 500 InternalErrror: m (request id rid)"},
		{"CI code in the header", 403, hdr("QueueSaturated"), nil, "QueueSaturated", coserr.QueueSaturated, coserr.ErrThrottled, true, "cos: 403 QueueSaturated"},
		{"vector code in the header", 400, hdr(" ValidationException "), []byte(`{"message":"VectorBucketName is invalid"}`),
			"ValidationException", coserr.ValidationException, coserr.ErrBadRequest, false, "cos: 400 ValidationException: VectorBucketName is invalid"},
		{"vector code, unknown case", 429, hdr("toomanyrequestsexception"), nil, "toomanyrequestsexception", nil, coserr.ErrThrottled, true, "cos: 429 toomanyrequestsexception"},
	}
	classes := []*coserr.Class{coserr.ErrRedirect, coserr.ErrBadRequest, coserr.ErrUnauthenticated, coserr.ErrAccessDenied,
		coserr.ErrNotFound, coserr.ErrConflict, coserr.ErrPreconditionFailed, coserr.ErrThrottled, coserr.ErrServer}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := func(t *testing.T, se *coserr.ServiceError) {
				assert.Equal(t, tt.code, se.Code)
				assert.Same(t, tt.known, se.Known(), "Known() = %v; want %v", se.Known(), tt.known)
				assert.Same(t, tt.known, coserr.Lookup(se.Code), "Lookup(%q)", se.Code)
				assert.Same(t, tt.class, se.Class(), "Class() = %v; want %v", se.Class(), tt.class)
				for _, c := range classes {
					assert.Equal(t, c == tt.class, errors.Is(se, c), "errors.Is(err, %v)", c)
				}
				for _, k := range []*coserr.Code{coserr.NoSuchKey, coserr.InternalError, coserr.SlowDown, coserr.ValidationException, coserr.QueueSaturated} {
					assert.Equal(t, k == tt.known, errors.Is(se, k), "errors.Is(err, %v)", k)
				}
				assert.Equal(t, tt.retryable, coserr.IsRetryable(se))
				assert.Equal(t, tt.text, se.Error())
				var code string
				for _, a := range se.LogValue().Group() {
					if a.Key == "code" {
						code = a.Value.String()
					}
				}
				assert.Equal(t, tt.code, code, "LogValue code")
				assert.Equal(t, slog.KindGroup, se.LogValue().Kind())
				assert.False(t, strings.ContainsAny(se.Error(), "\n\t"))
			}
			if tt.status/100 == 2 { // FromResponse leaves a GET's 200 alone
				se, _ := coserr.Parse(tt.status, tt.header, tt.body).(*coserr.ServiceError)
				require.NotNil(t, se)
				check(t, se)
				return
			}
			fromBoth(t, tt.status, tt.header, tt.body, check)
		})
	}
}
