package crossclient_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestInside200EveryClient: an <Error> inside the 200 of Upload Part -
// Copy and Complete Multipart Upload, the ids in the headers only, through
// each SDK's own call (cos-go-sdk-v5 Object.CopyPart and
// CompleteMultipartUpload, s3 UploadPartCopy and CompleteMultipartUpload,
// minio-go Core.CopyObjectPart and CompleteMultipartUpload): the same
// error, retried when retryable and sent once when not; a result after
// any amount of padding is a success.
func TestInside200EveryClient(t *testing.T) {
	service := func(status int, code, msg, method, class string, retryable bool, is ...string) answer {
		return answer{Kind: "ServiceError", StatusCode: status, Code: code, Message: msg, RequestID: "RID", TraceID: "TID",
			Method: method, Class: class, Retryable: retryable, Is: is, Body: true, FromCOS: true}
	}
	put, post := http.MethodPut, http.MethodPost
	internal := func(method string) answer {
		return service(200, "InternalError", internalMsg, method, "Server", true, "InternalError", "ErrServer")
	}
	runCases(t, []crossCase{
		{
			name:   "Upload Part - Copy: InternalError inside a 200, the ids in the headers only",
			routes: answerWith(200, false, xmlDecl+"<Error><Code>InternalError</Code><Message>"+internalMsg+"</Message></Error>"),
			op:     copyPart, want: internal(put),
			attempts: map[string]int32{"": 3},
		},
		{
			name:     "Upload Part - Copy: AccessDenied inside a 200 is sent once",
			routes:   answerWith(200, false, xmlDecl+"<Error><Code>AccessDenied</Code><Message>denied</Message></Error>"),
			op:       copyPart,
			want:     service(200, "AccessDenied", "denied", put, "AccessDenied", false, "AccessDenied", "ErrAccessDenied", "fs.ErrPermission"),
			attempts: map[string]int32{"": 1},
		},
		{
			name:   "Complete: InternalError inside a 200, the ids in the headers only",
			routes: answerWith(200, false, xmlDecl+"<Error><Code>InternalError</Code><Message>"+internalMsg+"</Message></Error>"),
			op:     completeUpload, want: internal(post),
			attempts: map[string]int32{"": 3},
		},
		{
			name:   "Upload Part - Copy: the result is a success",
			routes: answerWith(200, false, xmlDecl+"<CopyPartResult><ETag>\"e\"</ETag><LastModified>2026-01-02T15:04:05.000Z</LastModified></CopyPartResult>"),
			op:     copyPart, attempts: map[string]int32{"": 1},
		},
		{
			// COS pads the 200 of Complete while the merge runs; minio reads 1 MiB of it.
			name: "Complete: the result after 2 MiB of white space is a success",
			routes: answerWith(200, false, strings.Repeat(" ", 2<<20),
				"<CompleteMultipartUploadResult><Bucket>"+bucket+"</Bucket><Key>"+key+"</Key><ETag>\"f\"</ETag></CompleteMultipartUploadResult>"),
			op: completeUpload, attempts: map[string]int32{"": 1},
		},
	})
}
