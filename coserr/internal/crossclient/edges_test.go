package crossclient_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// idsOf are the request and trace ids of run, as runCases makes them.
func idsOf(run int) (rid, tid string) {
	return fmt.Sprintf("NjU0ZjYxYjZf%08d", run), fmt.Sprintf("OGVmYzZiMmQz%08d", run)
}

const (
	xmlDecl     = "<?xml version='1.0' encoding='utf-8' ?>\n"
	internalMsg = "We encountered an internal error. Please try again."
)

// errorXML is an <Error> document of run.
func errorXML(run int, code, msg string) string {
	rid, tid := idsOf(run)
	return xmlDecl + "<Error><Code>" + code + "</Code><Message>" + msg + "</Message><Resource>" + bucket + "/" + key +
		"</Resource><RequestId>" + rid + "</RequestId><TraceId>" + tid + "</TraceId></Error>"
}

// answerWith is a Handler route that answers with status, the headers COS
// sets (the run's ids) and body, written in pieces: the padding COS sends
// while it works is flushed as it goes.
func answerWith(status int, gzipped bool, pieces ...string) func(int) []coserrtest.Route {
	return answerPerRun(status, gzipped, func(int) []string { return pieces })
}

// answerPerRun is answerWith of pieces made per run.
func answerPerRun(status int, gzipped bool, piecesOf func(run int) []string) func(int) []coserrtest.Route {
	return func(run int) []coserrtest.Route {
		rid, tid := idsOf(run)
		pieces := piecesOf(run)
		return []coserrtest.Route{{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			h := w.Header()
			h.Set("Server", "tencent-cos")
			h.Set("Content-Type", "application/xml")
			h.Set("X-Cos-Request-Id", rid)
			h.Set("X-Cos-Trace-Id", tid)
			if gzipped {
				var b bytes.Buffer
				zw := gzip.NewWriter(&b)
				for _, p := range pieces {
					_, _ = zw.Write([]byte(strings.ReplaceAll(p, "RUN", fmt.Sprint(run))))
				}
				_ = zw.Close()
				h.Set("Content-Encoding", "gzip")
				h.Set("Content-Length", fmt.Sprint(b.Len()))
				w.WriteHeader(status)
				_, _ = w.Write(b.Bytes())
				return
			}
			w.WriteHeader(status)
			for _, p := range pieces {
				_, _ = w.Write([]byte(strings.ReplaceAll(p, "RUN", fmt.Sprint(run))))
				w.(http.Flusher).Flush()
			}
		})}}
	}
}

// withRun is a route whose body is made per run.
func withRun(status int, method string, body func(run int) string, opts ...coserrtest.Option) func(int) []coserrtest.Route {
	return func(run int) []coserrtest.Route {
		o := append([]coserrtest.Option{coserrtest.WithStatus(status), coserrtest.WithBody("application/xml", body(run))}, opts...)
		return []coserrtest.Route{{Method: method, Options: o}}
	}
}

// TestEdgesEveryClient: the edge cases of issue 14, each through every
// client that can send it.
func TestEdgesEveryClient(t *testing.T) {
	service := func(status int, code, msg, method, class string, retryable bool, is ...string) answer {
		return answer{Kind: "ServiceError", StatusCode: status, Code: code, Message: msg, RequestID: "RID", TraceID: "TID",
			Method: method, Class: class, Retryable: retryable, Is: is, Body: true, FromCOS: true}
	}
	get, head, put, post := http.MethodGet, http.MethodHead, http.MethodPut, http.MethodPost
	pad := strings.Repeat(" ", coserr.MaxBodyBytes/2)
	internal := func(method string) answer {
		return service(200, "InternalError", internalMsg, method, "Server", true, "InternalError", "ErrServer")
	}
	chinese := strings.Repeat("请求的对象不存在。", 30) // 810 bytes
	tests := []crossCase{
		{
			name: "Complete: 200, padding before and after the declaration past MaxBodyBytes, then InternalError",
			routes: answerPerRun(200, false, func(run int) []string {
				return []string{pad, pad, pad, xmlDecl, pad, pad, pad, errorXML(run, "InternalError", internalMsg)[len(xmlDecl):]}
			}),
			op: completeUpload, want: internal(post),
			attempts: map[string]int32{"": 3},
			only:     notAWS, // see TestPaddedAWS
		},
		{
			name:   "Copy: 200, padding, then the connection ends",
			routes: answerWith(200, false, xmlDecl, pad, pad, pad),
			op:     copyObject,
			// minio-go replaces a round trip's error whose text holds "EOF"
			// by errors.New("Connection closed by foreign host ..."), which
			// miniov7.Wrap reads as the io.ErrUnexpectedEOF it stands for.
			want:     answer{Kind: "ClientError", Method: put, Retryable: true},
			attempts: map[string]int32{"": 3},
		},
		{
			name:     "GET 404 NoSuchKey, gzip-encoded",
			routes:   answerWith(404, true, xmlDecl+"<Error><Code>NoSuchKey</Code><Message>gone</Message><RequestId>NjU0ZjYxYjZf0000RUN</RequestId></Error>"),
			op:       getObject,
			want:     answer{Kind: "ServiceError", StatusCode: 404, Code: "NoSuchKey", Message: "gone", RequestID: "*", TraceID: "*", Method: get, Class: "NotFound", Is: []string{"NoSuchKey", "ErrNotFound", "fs.ErrNotExist"}, Body: true, FromCOS: true},
			attempts: map[string]int32{"": 1},
		},
		{
			name:   "Copy: a gzipped InternalError inside a 200",
			routes: answerWith(200, true, xmlDecl+"<Error><Code>InternalError</Code><Message>"+internalMsg+"</Message></Error>"),
			op:     copyObject,
			want: answer{Kind: "ServiceError", StatusCode: 200, Code: "InternalError", Message: internalMsg, RequestID: "*", TraceID: "*",
				Method: put, Class: "Server", Retryable: true, Is: []string{"InternalError", "ErrServer"}, Body: true, FromCOS: true},
			attempts: map[string]int32{"": 3},
		},
		{
			name: "403 SignatureDoesNotMatch whose FormatString carries the session token",
			routes: withRun(403, "", func(run int) string {
				return strings.Replace(errorXML(run, "SignatureDoesNotMatch", "The Signature you specified is invalid."), "<Resource>",
					"<StringToSign>sha1\n1615113257;1615199657\nc7503b92a8581b3f3f68c8f7f64a8917b03a1a95\n</StringToSign>"+
						"<FormatString>get\n/"+key+"\n\nhost="+bucket+"&amp;x-cos-security-token="+plantedToken+"\n</FormatString><Resource>", 1)
			}),
			op:       getObject,
			want:     service(403, "SignatureDoesNotMatch", "The Signature you specified is invalid.", get, "Unauthenticated", false, "SignatureDoesNotMatch", "ErrUnauthenticated"),
			attempts: map[string]int32{"": 1},
		},
		{
			name:   "Complete: the result after padding is a success",
			routes: answerWith(200, false, pad, xmlDecl, pad, "<CompleteMultipartUploadResult><Location>l</Location><Bucket>b</Bucket><Key>k</Key><ETag>\"e-1\"</ETag></CompleteMultipartUploadResult>"),
			op:     completeUpload, attempts: map[string]int32{"": 1},
			only: notAWS, // see TestPaddedAWS
		},
		{
			name:     "PUT Object: 503 SlowDown, then coserrtest.OK, which answers what each SDK checks",
			routes:   routes(coserrtest.Route{Code: coserr.SlowDown, Times: 1}, coserrtest.Route{Handler: coserrtest.OK}),
			ownIDs:   true,
			op:       putObject,
			attempts: map[string]int32{"": 2},
		},
		{
			name:     "PUT Object - Copy answered by coserrtest.OK",
			routes:   routes(coserrtest.Route{Handler: coserrtest.OK}),
			ownIDs:   true,
			op:       copyObject,
			attempts: map[string]int32{"": 1},
		},
		{
			name:     "Complete Multipart Upload answered by coserrtest.OK",
			routes:   routes(coserrtest.Route{Handler: coserrtest.OK}),
			ownIDs:   true,
			op:       completeUpload,
			attempts: map[string]int32{"": 1},
		},
		{
			name:     "503 SlowDown, then 404 NoSuchKey, each with the server's own ids",
			routes:   routes(coserrtest.Route{Code: coserr.SlowDown, Times: 1}, coserrtest.Route{Code: coserr.NoSuchKey}),
			ownIDs:   true,
			op:       getObject,
			want:     answer{Kind: "ServiceError", StatusCode: 404, Code: "NoSuchKey", Message: coserr.NoSuchKey.Description(), RequestID: "*", TraceID: "*", Method: get, Class: "NotFound", Is: []string{"NoSuchKey", "ErrNotFound", "fs.ErrNotExist"}, Body: true, FromCOS: true},
			attempts: map[string]int32{"": 2},
		},
		{
			name: "404 with an XML namespace, a BOM and CDATA",
			routes: withRun(404, "", func(run int) string {
				rid, tid := idsOf(run)
				return "\ufeff" + xmlDecl + `<Error xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Code><![CDATA[NoSuchKey]]></Code><Message><![CDATA[gone & <away>]]></Message>` +
					"<RequestId>" + rid + "</RequestId><TraceId>" + tid + "</TraceId></Error>"
			}),
			op:       getObject,
			want:     service(404, "NoSuchKey", "gone & <away>", get, "NotFound", false, "NoSuchKey", "ErrNotFound", "fs.ErrNotExist"),
			attempts: map[string]int32{"": 1},
		},
		{
			name:     "404 with a Chinese message over 512 bytes",
			routes:   withRun(404, "", func(run int) string { return errorXML(run, "NoSuchKey", chinese) }),
			op:       getObject,
			want:     service(404, "NoSuchKey", chinese, get, "NotFound", false, "NoSuchKey", "ErrNotFound", "fs.ErrNotExist"),
			attempts: map[string]int32{"": 1},
		},
		{
			name:     "HEAD 403 without a body",
			routes:   routes(coserrtest.Route{Code: coserr.AccessDenied}),
			op:       headObject,
			want:     answer{Kind: "ServiceError", StatusCode: 403, RequestID: "RID", TraceID: "TID", Method: head, Class: "AccessDenied", Is: []string{"ErrAccessDenied", "fs.ErrPermission"}, FromCOS: true},
			attempts: map[string]int32{"": 1},
		},
		{
			name:     "HEAD 412 without a body",
			routes:   routes(coserrtest.Route{Options: []coserrtest.Option{coserrtest.WithStatus(412)}}),
			op:       headObject,
			want:     answer{Kind: "ServiceError", StatusCode: 412, RequestID: "RID", TraceID: "TID", Method: head, Class: "PreconditionFailed", FromCOS: true},
			attempts: map[string]int32{"": 1},
		},
		{
			name: "301 PermanentRedirect with <Endpoint>",
			routes: withRun(301, "", func(run int) string {
				return strings.Replace(errorXML(run, "PermanentRedirect", "The bucket is in another region."), "<Resource>",
					"<Endpoint>"+bucket+".cos.ap-shanghai.myqcloud.com</Endpoint><Resource>", 1)
			}),
			op:       getObject,
			want:     service(301, "PermanentRedirect", "The bucket is in another region.", get, "Redirect", false),
			attempts: map[string]int32{"": 1},
		},
		{
			name:     "404 NoSuchKey with a 10 MiB body",
			routes:   withRun(404, "", func(run int) string { return errorXML(run, "NoSuchKey", "gone") + strings.Repeat(" ", 10<<20) }),
			op:       getObject,
			want:     service(404, "NoSuchKey", "gone", get, "NotFound", false, "NoSuchKey", "ErrNotFound", "fs.ErrNotExist"),
			attempts: map[string]int32{"": 1},
		},
		{
			name: "404 with only x-amz ids",
			routes: func(run int) []coserrtest.Route {
				rid, tid := idsOf(run)
				return []coserrtest.Route{{Code: coserr.NoSuchKey, Options: []coserrtest.Option{coserrtest.WithRequestID(""), coserrtest.WithTraceID(""),
					coserrtest.WithHeader("X-Amz-Request-Id", rid), coserrtest.WithHeader("X-Amz-Id-2", tid)}}}
			},
			op:       getObject,
			want:     service(404, "NoSuchKey", coserr.NoSuchKey.Description(), get, "NotFound", false, "NoSuchKey", "ErrNotFound", "fs.ErrNotExist"),
			attempts: map[string]int32{"": 1},
		},
	}
	runCases(t, tests)
}

// TestAppendEveryClient: an append cut off after it was sent is not
// retryable, through each client that can send one.
func TestAppendEveryClient(t *testing.T) {
	cutOff := func(int) []coserrtest.Route {
		return []coserrtest.Route{{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				_ = conn.Close()
			}
		})}}
	}
	runCases(t, []crossCase{{
		name: "POST ?append&position=0 cut off after it was sent", routes: cutOff, op: appendObject,
		only:     []string{"net/http", "cos-go-sdk-v5"},
		want:     answer{Kind: "ClientError", Method: http.MethodPost},
		attempts: map[string]int32{"net/http": 1, "cos-go-sdk-v5": 1},
		check: func(t *testing.T, err error) {
			require.Error(t, err)
			assert.False(t, coserr.IsRetryable(err))
		},
	}})
}

// notAWS are the clients but aws-sdk-go-v2.
var notAWS = []string{"net/http", "cos-go-sdk-v5", "minio-go"}

// TestPaddedAWS: a Complete Multipart Upload whose 200 streams padding
// through aws-sdk-go-v2 is never taken for what it is not. smithy-go's
// ClientHandler closes the request body as soon as http.Client.Do returns
// (transport/http/client.go), and with the answer still streaming that
// sometimes tears down the connection ("use of closed network
// connection" while the body is read; with a request body that ignores
// Close it never happens), whoever reads the body: the SDK's own
// deserializer meets the same. So the answer is what every other client
// gives, or a retryable ClientError; never a success for an error.
func TestPaddedAWS(t *testing.T) {
	pad := strings.Repeat(" ", coserr.MaxBodyBytes/2)
	for run := range 4 {
		srv := coserrtest.Server(t, answerPerRun(200, false, func(run int) []string {
			return []string{pad, pad, pad, xmlDecl, pad, pad, pad, errorXML(run, "InternalError", internalMsg)[len(xmlDecl):]}
		})(run)...)
		err := awsSDK(t, srv.URL, http.DefaultTransport, completeUpload)
		require.Error(t, err)
		a := answerOf(err)
		if a.Kind == "ClientError" {
			assert.True(t, a.Retryable, "%v", err)
			assert.Contains(t, err.Error(), "closed network connection")
			continue
		}
		rid, tid := idsOf(run)
		assert.Equal(t, answer{Kind: "ServiceError", StatusCode: 200, Code: "InternalError", Message: internalMsg, RequestID: rid, TraceID: tid,
			Method: http.MethodPost, Class: "Server", Retryable: true, Is: []string{"InternalError", "ErrServer"}, Body: true, FromCOS: true}, a)
	}
	srv := coserrtest.Server(t, answerWith(200, false, pad, xmlDecl, pad, pad, pad,
		"<CompleteMultipartUploadResult><Location>l</Location><Bucket>b</Bucket><Key>k</Key><ETag>\"e-1\"</ETag></CompleteMultipartUploadResult>")(0)...)
	for range 4 {
		if err := awsSDK(t, srv.URL, http.DefaultTransport, completeUpload); err != nil {
			assert.True(t, coserr.IsRetryable(err), "%v", err)
			assert.Contains(t, err.Error(), "closed network connection")
		}
	}
}
