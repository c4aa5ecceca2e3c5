package coserr_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// TestParseJSONEdges: a JSON error body is read as far as it goes, as an
// XML one is: a body cut short keeps the members completed before the
// cut, bytes that are not UTF-8 read as U+FFFD, a byte order mark is
// skipped, and a null member is no value, so the header's code stands in.
func TestParseJSONEdges(t *testing.T) {
	header := http.Header{"X-Cos-Error-Code": {"NoSuchBucket"}, "X-Cos-Request-Id": {"hdr"}}
	tests := []struct {
		name, body, code, message, requestID string
	}{
		{"cut inside the message", `{"code":"NoSuchKey","request_id":"rid","message":"the specified key does no`, "NoSuchKey", "", "rid"},
		{"cut inside a nested error", `{"Response":{"RequestId":"rid","Error":{"Code":"ResourceNotFound","Message":"m`, "ResourceNotFound", "", "rid"},
		{"cut after a nested error", `{"Response":{"Error":{"Code":"ResourceNotFound","Message":"m"},"RequestId":"rid"`, "ResourceNotFound", "m", "rid"},
		{"GBK message", "{\"code\":\"InvalidArgument\",\"message\":\"\xd6\xd0\",\"request_id\":\"rid\"}", "InvalidArgument", "\ufffd\ufffd", "rid"},
		{"byte order mark", "\xef\xbb\xbf{\"code\":\"NoSuchKey\",\"request_id\":\"rid\"}", "NoSuchKey", "", "rid"},
		{"null code", `{"code":null,"message":"m","request_id":"rid"}`, "NoSuchBucket", "m", "rid"},
		{"null code, nested", `{"Response":{"Error":{"Code":null,"Message":"m"},"RequestId":"rid"}}`, "NoSuchBucket", "m", "rid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var se *coserr.ServiceError
			require.ErrorAs(t, coserr.Parse(404, header, []byte(tt.body)), &se)
			assert.Equal(t, tt.code, se.Code)
			assert.Equal(t, tt.message, se.Message)
			assert.Equal(t, tt.requestID, se.RequestID)
		})
	}
}

// TestParseJSONCutCost: a JSON body cut short costs Parse a few
// allocations however many members precede the cut, since only the
// fields are kept.
func TestParseJSONCutCost(t *testing.T) {
	body := []byte(`{"code":"SlowDown"` + strings.Repeat(`,"a":1,"b":"x\ny"`, 4000))
	var se *coserr.ServiceError
	require.ErrorAs(t, coserr.Parse(503, http.Header{}, body), &se)
	assert.Equal(t, "SlowDown", se.Code)
	allocs := testing.AllocsPerRun(5, func() { _ = coserr.Parse(503, http.Header{}, body) })
	assert.Less(t, allocs, 20.0)
}
