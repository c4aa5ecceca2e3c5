package diagnose

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseCOSv5Error(t *testing.T) {
	tests := []struct {
		name, text string
		want       COSv5Error
		ok         bool
	}{
		{"a 404", "GET https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a b.txt: 404 NoSuchKey(Message: The specified key does not exist., RequestId: r1, TraceId: t1)",
			COSv5Error{404, "NoSuchKey", "The specified key does not exist.", "r1", "t1", "GET", "https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a b.txt"}, true},
		{"a HEAD without a code", "HEAD https://b/k: 404 (Message: , RequestId: r, TraceId: )",
			COSv5Error{404, "", "", "r", "", "HEAD", "https://b/k"}, true},
		{"a message holding the markers", "PUT https://b/k: 403 AccessDenied(Message: x (Message: y, RequestId: z, RequestId: r, TraceId: t)",
			COSv5Error{403, "AccessDenied", "x (Message: y, RequestId: z", "r", "t", "PUT", "https://b/k"}, true},
		{"after a log prefix and an earlier attempt", "2026/12/06 upload: PUT https://b/k: 503 SlowDown(Message: m, RequestId: r1, TraceId: t1); PUT https://b/k2: 503 SlowDown(Message: m, RequestId: r2, TraceId: t2)",
			COSv5Error{503, "SlowDown", "m", "r2", "t2", "PUT", "https://b/k2"}, true},
		{"no request", "failed: 503 SlowDown(Message: m, RequestId: r, TraceId: t)", COSv5Error{}, false},
		{"a success status", "GET https://b/k: 200 OK(Message: m, RequestId: r, TraceId: t)", COSv5Error{}, false},
		{"cut short", "GET https://b/k: 404 NoSuchKey(Message: m, RequestId: r", COSv5Error{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseCOSv5Error(tt.text)
			assert.Equal(t, tt.ok, ok)
			if tt.ok {
				assert.Equal(t, tt.want, got)
			}
		})
	}
}
