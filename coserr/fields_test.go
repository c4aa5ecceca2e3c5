package coserr

import (
	"fmt"
	"net/http"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What the fast paths allocate for the fields they return.

// TestFastFieldsShareOneString: the fast paths copy the fields out of the
// body (the caller may reuse it) in one allocation.
func TestFastFieldsShareOneString(t *testing.T) {
	for name, body := range map[string]string{
		"xml":  fxXMLBodies["BucketAlreadyExists 409"],
		"json": fxJSONBodies["capitalised"],
	} {
		t.Run(name, func(t *testing.T) {
			b := []byte(body)
			want := parseBody(b)
			allocs := testing.AllocsPerRun(100, func() { parseBody(b) })
			assert.Equal(t, 1.0, allocs, "parseBody(%q) allocates %v times; want 1", body, allocs)
			for i := range b {
				b[i] = 'x'
			}
			assert.NotContains(t, fmt.Sprint(want), "xxx", "fields of %q changed with the body", body)
		})
	}
}

// TestFastReusesKnownStrings: a code in the catalog (or an alias) and ids
// the headers repeat are those very strings, not copies; what is left is
// copied once; a header that differs is not taken.
func TestFastReusesKnownStrings(t *testing.T) {
	reqID, traceID := "NjQ5ZjE0NjZfMzk4MjA4MDlfMjc0YjZf", "OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBi"
	same := http.Header{"X-Cos-Request-Id": {reqID}, "X-Ci-Trace-Id": {traceID}}
	for _, c := range []struct {
		name, body string
		header     http.Header
		code       string // the catalog string the code must be, or "" for a copy
		ids        bool   // whether the ids must be the header's strings
		allocs     float64
	}{
		{"xml, everything known", "<Error><Code>NoSuchBucket</Code><RequestId>" + reqID + "</RequestId><TraceId> " + traceID + "\n</TraceId></Error>", same, NoSuchBucket.name, true, 0},
		{"xml, alias", "<Error><Code>InternalErrror</Code><Message>m</Message></Error>", nil, InternalError.aliases[0], false, 1},
		{"xml, message and resource copied", "<Error><Code>NoSuchKey</Code><Message>m</Message><Resource>r</Resource><RequestId>" + reqID + "</RequestId><TraceId>" + traceID + "</TraceId></Error>", same, NoSuchKey.name, true, 1},
		{"xml, other ids in the header", "<Error><Code>Unknown1</Code><RequestId>a</RequestId><TraceId>b</TraceId></Error>", same, "", false, 1},
		{"json", `{"code":"SlowDown","request_id":"` + reqID + `","trace_id":"` + traceID + `"}`, same, SlowDown.name, true, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			body := []byte(c.body)
			want := parseBody(body)
			got := parseBodyIn(body, c.header)
			require.Equal(t, want, got, "parseBodyIn(%q) and parseBody differ", c.body)
			if c.code != "" {
				assert.Same(t, unsafe.StringData(c.code), unsafe.StringData(got.code), "code %q is a copy; want the catalog's string", got.code)
			}
			if c.ids {
				assert.Same(t, unsafe.StringData(reqID), unsafe.StringData(got.requestID), "request id is a copy; want the header's string")
				assert.Same(t, unsafe.StringData(traceID), unsafe.StringData(got.traceID), "trace id is a copy; want the header's string")
			} else if got.requestID != "" {
				assert.NotSame(t, unsafe.StringData(reqID), unsafe.StringData(got.requestID), "request id %q is the header's, which differs", got.requestID)
			}
			allocs := testing.AllocsPerRun(100, func() { parseBodyIn(body, c.header) })
			assert.Equal(t, c.allocs, allocs, "parseBodyIn(%q) allocates %v times; want %v", c.body, allocs, c.allocs)
		})
	}
}
