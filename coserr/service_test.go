package coserr_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cosgo/errcatalog/coserr"
)

func TestServiceErrorString(t *testing.T) {
	tests := []struct {
		name string
		err  *coserr.ServiceError
		want string
	}{
		{"full", &coserr.ServiceError{StatusCode: 404, Code: "NoSuchBucket", Message: "The specified bucket does not exist.", RequestID: "X"},
			"cos: 404 NoSuchBucket: The specified bucket does not exist. (request id X)"},
		{"no code: status text", &coserr.ServiceError{StatusCode: 404, RequestID: "X"}, "cos: 404 Not Found (request id X)"},
		{"no code, no request id", &coserr.ServiceError{StatusCode: 503}, "cos: 503 Service Unavailable"},
		{"no message", &coserr.ServiceError{StatusCode: 409, Code: "BucketNotEmpty"}, "cos: 409 BucketNotEmpty"},
		{"unknown status", &coserr.ServiceError{StatusCode: 599, Message: "odd"}, "cos: 599: odd"},
		{"never url or body", &coserr.ServiceError{StatusCode: 400, Code: "InvalidArgument", URL: "https://b/k?x=secretvalue",
			Body: []byte("<Error>bodytext</Error>")}, "cos: 400 InvalidArgument"},
		{"a line break in the code or request id stays on the line", &coserr.ServiceError{StatusCode: 400, Code: "NoSuchKey\nlevel=INFO msg=forged", RequestID: "r\r\nx"},
			"cos: 400 NoSuchKey level=INFO msg=forged (request id r  x)"},
		{"a code longer than 512 bytes is cut", &coserr.ServiceError{StatusCode: 400, Code: strings.Repeat("A", 600)}, "cos: 400 " + strings.Repeat("A", 512) + "…"},
		{"zero", &coserr.ServiceError{}, "cos: 0"},
		{"nil", nil, "cos: <nil>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.err.Error())
			assert.Equal(t, tt.want, fmt.Sprintf("%v", tt.err))
			assert.Equal(t, tt.want, fmt.Sprintf("%+v", tt.err))
			assert.Equal(t, "get: "+tt.want, fmt.Errorf("get: %w", tt.err).Error())
		})
	}
}

func TestDigest(t *testing.T) {
	tests := []struct {
		name   string
		status int
		header http.Header
		body   []byte
		want   map[string]string
	}{
		{
			name: "signature diagnostics", status: 403, body: loadSampleBody(t, "signaturedoesnotmatch.xml"),
			want: map[string]string{
				"Status":       "403",
				"Code":         "SignatureDoesNotMatch",
				"Message":      "The Signature you specified is invalid.",
				"StringToSign": "sha1\n1615113257;1615199657\nc7503b92a8581b3f3f68c8f7f64a8917b03a1a95\n",
				"FormatString": "put\n/imagesresume-zh en_页面_1.png\n\nhost=o2-1258123310.cos.ap-beijing.myqcloud.com\n",
				"Resource":     "o2-00000000.cos.ap-beijing.myqcloud.com/imagesresume-zh+en_页面_1.png",
				"RequestId":    "NjA0NGFjMmFfZTViOTJhMDlfMjA0NDlfNzU0MzM4NQ==",
				"TraceId":      "OGVmYzZ…",
			},
		},
		{
			name: "ids from headers", status: 404, body: loadSampleBody(t, "nosuchbucket-notrace.xml"),
			header: http.Header{"X-Cos-Trace-Id": {"hdr-trace"}},
			want: map[string]string{
				"Status":    "404",
				"Code":      "NoSuchBucket",
				"Message":   "The specified bucket does not exist.",
				"Resource":  "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com",
				"RequestId": "NjQ5OTJmNjhfYmIxYjJjMGFfMjE3NDFfMWQ4ZDg3",
				"TraceId":   "hdr-trace",
			},
		},
		{
			name: "vector bucket", status: 400, body: loadSampleBody(t, "vector.json"),
			header: http.Header{"X-Cos-Error-Code": {"ValidationException"}},
			want:   map[string]string{"Status": "400", "Code": "ValidationException", "message": "VectorBucketName is invalid"},
		},
		{
			name: "json numeric code", status: 404, body: loadSampleBody(t, "fetch-numeric.json"),
			want: map[string]string{"Status": "404", "code": "404", "message": "fetch task not found",
				"request_id": "NjBhZjEyZmFfOGQ0ZjI0MGFfNmNlMF8xYjdiZDg="},
		},
		{
			name: "empty", status: 404, header: http.Header{"X-Cos-Request-Id": {"r"}},
			want: map[string]string{"Status": "404", "RequestId": "r"},
		},
		{
			name: "html", status: 502, body: loadSampleBody(t, "proxy.html"),
			want: map[string]string{"Status": "502"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fromBoth(t, tt.status, tt.header, tt.body, func(t *testing.T, se *coserr.ServiceError) {
				d := se.Digest()
				assert.Equal(t, tt.want, d)
				d["Status"] = "changed"
				assert.Equal(t, tt.want["Status"], se.Digest()["Status"], "Digest shares its map between calls")
			})
		})
	}
}

// TestErrorNeverQuotesBody: whatever the body holds, Error() is built from
// the parsed fields only.
func TestErrorNeverQuotesBody(t *testing.T) {
	for _, name := range []string{"proxy.html", "vector.json", "signaturedoesnotmatch.xml"} {
		t.Run(name, func(t *testing.T) {
			body := loadSampleBody(t, name)
			msg := coserr.Parse(400, nil, body).Error()
			assert.NotContains(t, msg, "<")
			assert.NotContains(t, msg, "fieldList")
			assert.False(t, strings.Contains(msg, "StringToSign"), "Error() = %q quotes the body", msg)
		})
	}
}
