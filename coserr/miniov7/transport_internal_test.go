package miniov7

import (
	"fmt"
	"strings"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/stretchr/testify/assert"

	"github.com/cosgo/errcatalog/coserr"
)

// reset empties the ring.
func reset() {
	kept.mu.Lock()
	kept.entries, kept.next = [KeptResponses]entry{}, 0
	kept.mu.Unlock()
}

func kept502(path, body string) entry {
	return entry{se: &coserr.ServiceError{StatusCode: 502, Method: "GET", URL: "http://127.0.0.1/b" + path, Body: []byte(body)}, server: "nginx"}
}

func kept404(path string) entry {
	return entry{se: &coserr.ServiceError{StatusCode: 404, Method: "HEAD", URL: "http://127.0.0.1/b" + path}}
}

// TestLookup: which kept response an ErrorResponse is matched to, and
// that an ambiguous one is matched to none.
func TestLookup(t *testing.T) {
	byID := entry{se: &coserr.ServiceError{StatusCode: 404, Code: "NoSuchKey", RequestID: "r1"}, amzID: "r1", server: "tencent-cos"}
	head := entry{se: &coserr.ServiceError{StatusCode: 404, RequestID: "r2", Method: "HEAD"}, amzID: "r2", server: "tencent-cos"}
	tests := []struct {
		name    string
		entries []entry
		er      minio.ErrorResponse
		want    *coserr.ServiceError // nil for no match
	}{
		{"by the body's request id", []entry{head, byID}, minio.ErrorResponse{StatusCode: 404, Code: "NoSuchKey", RequestID: "r1", Server: "tencent-cos"}, byID.se},
		{"by the copied x-amz-request-id, minio's Server dropped", []entry{byID, head}, minio.ErrorResponse{StatusCode: 404, Code: "NoSuchKey", RequestID: "r2", Key: "k"}, head.se},
		{"another status", []entry{byID}, minio.ErrorResponse{StatusCode: 403, RequestID: "r1"}, nil},
		{"another server", []entry{byID}, minio.ErrorResponse{StatusCode: 404, RequestID: "r1", Server: "AmazonS3"}, nil},
		{"an unknown id", []entry{byID}, minio.ErrorResponse{StatusCode: 404, RequestID: "r9"}, nil},
		{"id-less: one fits", []entry{byID, kept502("/a.txt", "<html>a</html>")},
			minio.ErrorResponse{StatusCode: 502, Code: "502 Bad Gateway", Message: "<html>a</html>"}, kept502("/a.txt", "<html>a</html>").se},
		{"id-less: the page minio cut", []entry{kept502("/a.txt", "\n<html>"+strings.Repeat("a", 2000)+"</html>\n")},
			minio.ErrorResponse{StatusCode: 502, Code: "502 Bad Gateway", Message: ("<html>" + strings.Repeat("a", 2000))[:1024] + "..."},
			kept502("/a.txt", "\n<html>"+strings.Repeat("a", 2000)+"</html>\n").se},
		{"id-less: the page decides", []entry{kept502("/a.txt", "<html>a</html>"), kept502("/a.txt", "<html>b</html>")},
			minio.ErrorResponse{StatusCode: 502, Code: "502 Bad Gateway", Message: "<html>b</html>"}, kept502("/a.txt", "<html>b</html>").se},
		{"id-less: two alike", []entry{kept502("/a.txt", "<html/>"), kept502("/a.txt", "<html/>")},
			minio.ErrorResponse{StatusCode: 502, Code: "502 Bad Gateway", Message: "<html/>"}, kept502("/a.txt", "<html/>").se},
		{"id-less: the same page for two requests is ambiguous", []entry{kept502("/a.txt", "<html/>"), kept502("/c.txt", "<html/>")},
			minio.ErrorResponse{StatusCode: 502, Code: "502 Bad Gateway", Message: "<html/>"}, nil},
		{"id-less: a bodiless answer", []entry{kept502("/a.txt", "<html/>"), kept502("/c.txt", "")},
			minio.ErrorResponse{StatusCode: 502, Code: "502 Bad Gateway", Message: "502 Bad Gateway"}, kept502("/c.txt", "").se},
		{"id-less: a stock message of another status fits nothing", []entry{kept502("/a.txt", ""), kept502("/c.txt", "")},
			minio.ErrorResponse{StatusCode: 502, Code: "NoSuchKey", Message: "The specified key does not exist.", Key: "c.txt"}, nil},
		{"id-less: a made-up code for the object minio names", []entry{kept404("/a.txt"), kept404("/c.txt")},
			minio.ErrorResponse{StatusCode: 404, Code: "NoSuchKey", Message: "The specified key does not exist.", Key: "c.txt"}, kept404("/c.txt").se},
		{"id-less never matches a response with an id", []entry{byID}, minio.ErrorResponse{StatusCode: 404, Code: "NoSuchKey"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reset()
			for _, e := range tt.entries {
				kept.add(e)
			}
			got := lookup(tt.er)
			if tt.want == nil {
				assert.Nil(t, got)
				return
			}
			assert.Equal(t, tt.want, got)
			assert.NotSame(t, tt.want, got, "a copy")
		})
	}
}

// TestRingBounded: the ring keeps the latest KeptResponses entries.
func TestRingBounded(t *testing.T) {
	reset()
	for i := range KeptResponses + 10 {
		id := fmt.Sprint(i)
		kept.add(entry{se: &coserr.ServiceError{StatusCode: 503, Code: "SlowDown", RequestID: id}, amzID: id})
	}
	for i, want := range map[int]bool{0: false, 9: false, 10: true, KeptResponses + 9: true} {
		got := lookup(minio.ErrorResponse{StatusCode: 503, RequestID: fmt.Sprint(i)})
		assert.Equal(t, want, got != nil, "entry %d kept", i)
	}
	reset()
}
