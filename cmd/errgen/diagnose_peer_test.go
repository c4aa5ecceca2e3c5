package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The texts other SDKs print for COS's answers, and the texts Go clients
// print when they could not read one: the report says what the response
// said (code, status, retry, request id), and no more.
func TestDiagnosePeerTexts(t *testing.T) {
	tests := []struct {
		name, paste string
		want        []string
		not         []string
	}{{
		name: "Java CosServiceException",
		paste: "com.qcloud.cos.exception.CosServiceException: The Signature you specified is invalid. (Status Code: 403; Error Code: SignatureDoesNotMatch; " +
			"Request ID: NjU1ZjA2ZjBfMTRh); Trace ID: OGVmYzZiMmQz\n\tat com.qcloud.cos.http.DefaultCosHttpClient.handlerErrorMessage(DefaultCosHttpClient.java:393)\n",
		want: []string{"SignatureDoesNotMatch [HTTP 403, class Unauthenticated]", `COS said: "The Signature you specified is invalid."`,
			"Retry: no", "Request id: NjU1ZjA2ZjBfMTRh\n", "Trace id:   OGVmYzZiMmQz\n"},
	}, {
		name:  "Java CosServiceException, the cause in the message",
		paste: `Exception in thread "main" com.qcloud.cos.exception.CosServiceException: Request has expired (Status Code: 403; Error Code: AccessDenied; Request ID: NjU1ZjA2ZjBf; Trace ID: OGVmYzZi)`,
		want:  []string{`Request has expired (sent as AccessDenied: "Request has expired") [HTTP 403, class Unauthenticated]`, "Request id: NjU1ZjA2ZjBf\n", "Trace id:   OGVmYzZi\n"},
	}, {
		name:  "Java CosServiceException of a HEAD: the code is the status line",
		paste: "com.qcloud.cos.exception.CosServiceException: Not Found (Status Code: 404; Error Code: 404 Not Found; Request ID: NjU1ZjA2ZjBf); Trace ID: OGVmYzZi",
		want:  []string{"no error code (Not Found) [HTTP 404, class NotFound]", "Retry: no", "Request id: NjU1ZjA2ZjBf\n"},
		not:   []string{"not in the catalog"},
	}, {
		name:  "Java CosServiceException from a proxy",
		paste: "com.qcloud.cos.exception.CosServiceException: Bad Gateway (Status Code: 502; Error Code: 502 Bad Gateway; Request ID: null); Trace ID: null",
		want:  []string{"no error code (Bad Gateway) [HTTP 502, class Server]", "Retry: yes", "No request id"},
		not:   []string{"not in the catalog", "null"},
	}, {
		name:  "Android CosXmlServiceException",
		paste: "CosXmlServiceException{The specified key does not exist. (Service: CosXml; Status Code: 404; Status Message: Not Found; Error Code: NoSuchKey; Request ID: NjU1ZjA2ZjBf)}",
		want:  []string{"NoSuchKey [HTTP 404, class NotFound]", "Request id: NjU1ZjA2ZjBf\n"},
	}, {
		name: "AWS SDK for Java v1's AmazonS3Exception against COS",
		paste: "com.amazonaws.services.s3.model.AmazonS3Exception: Please reduce your request rate. (Service: Amazon S3; Status Code: 503; Error Code: SlowDown; " +
			"Request ID: NjU1ZjA2ZjBf; S3 Extended Request ID: null; Proxy: null), S3 Extended Request ID: null",
		want: []string{"SlowDown [HTTP 503, class Throttled]", `COS said: "Please reduce your request rate."`, "Request id: NjU1ZjA2ZjBf\n"},
	}, {
		name: "Python CosServiceError of a HEAD 404",
		paste: "qcloud_cos.cos_exception.CosServiceError: {'code': 'NoSuchResource', 'message': 'The Resource You Head Not Exist', " +
			"'resource': 'https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt', 'requestid': 'NjU1ZjA2ZjBf', 'traceid': 'OGVmYzZi'}",
		want: []string{"no error code (Not Found) [HTTP 404, class NotFound]", "Retry: no", "Request id: NjU1ZjA2ZjBf\n"},
		not:  []string{"NoSuchResource (not in the catalog)", "Retry: unknown"},
	}, {
		name:  "Node.js error of a HEAD 404",
		paste: "{ statusCode: 404, headers: { 'x-cos-request-id': 'NjU1ZjA2ZjBf' }, code: '404', message: 'Not Found', RequestId: 'NjU1ZjA2ZjBf' }",
		want:  []string{"no error code (Not Found) [HTTP 404, class NotFound]", "Request id: NjU1ZjA2ZjBf\n"},
		not:   []string{"not in the catalog"},
	}, {
		name:  "Node.js error from a proxy",
		paste: `{"message":"Bad Gateway","code":"502","statusCode":502,"headers":{"server":"nginx","content-type":"text/html"}}`,
		want:  []string{"no error code (Bad Gateway) [HTTP 502, class Server]", "Retry: yes"},
		not:   []string{"not in the catalog"},
	}, {
		name: "aws-sdk-go-v2 error of a body it could not read",
		paste: "operation error S3: GetObject, exceeded maximum number of attempts, 1, https response error StatusCode: 502, RequestID: , HostID: , " +
			"error while deserializing xml error response : XML syntax error on line 5: element <hr> closed by </body>",
		want: []string{"no error code (Bad Gateway) [HTTP 502, class Server]", "Retry: yes"},
		not:  []string{"XML syntax error"},
	}, {
		name:  "minio-go error of a bodiless response",
		paste: "503 Service Unavailable",
		want:  []string{"no error code (Service Unavailable) [HTTP 503, class Server]", "Retry: yes", "No request id in the input"},
	}, {
		name:  "minio-go error of a HEAD 403: the message alone",
		paste: "Access Denied.",
		want:  []string{"class AccessDenied", "No request id in the input"},
		not:   []string{"the response carried none"},
	}, {
		name: "minio-go ErrorResponse of a HEAD 404 with %#v: the code is minio-go's",
		paste: `minio.ErrorResponse{XMLName:xml.Name{Space:"", Local:""}, Code:"NoSuchKey", Message:"The specified key does not exist.", BucketName:"examplebucket", ` +
			`Key:"a.txt", Resource:"", RequestID:"NjU1ZjA2ZjBf", HostID:"", Region:"", Server:"", StatusCode:404}`,
		want: []string{"no error code (Not Found) [HTTP 404, class NotFound]", "Request id: NjU1ZjA2ZjBf\n"},
		not:  []string{"NoSuchKey ["},
	}, {
		name:  "minio-go ErrorResponse of a proxy's 502 with %+v",
		paste: `{XMLName:{Space: Local:} Code:502 Bad Gateway Message:502 Bad Gateway BucketName:b Key:k Resource: RequestID: HostID: Region: Server:nginx StatusCode:502}`,
		want:  []string{"no error code (Bad Gateway) [HTTP 502, class Server]", "Retry: yes"},
		not:   []string{"not in the catalog"},
	}, {
		name:  "a proxy's HTML page (minio-go's error text for it)",
		paste: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>",
		want:  []string{"no error code (Bad Gateway) [HTTP 502, class Server]", "Retry: yes"},
	}, {
		name: "cos-go-sdk-v5 RetryError of client timeouts",
		paste: `Get "http://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt": net/http: request canceled (Client.Timeout exceeded while awaiting headers); ` +
			`Get "http://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt": net/http: request canceled (Client.Timeout exceeded while awaiting headers)`,
		want: []string{"the request timed out", "Retry: yes"},
		not:  []string{"canceled the request"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runDiagnose(t, tt.paste, false)
			require.Equal(t, 0, code, stderr)
			for _, w := range tt.want {
				assert.Contains(t, stdout, w)
			}
			for _, n := range tt.not {
				assert.NotContains(t, stdout, n)
			}
		})
	}
}
