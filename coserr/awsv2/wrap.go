package awsv2

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/internal/adapter"
	"github.com/cosgo/errcatalog/coserr/internal/redact"
)

// Wrap turns an error of an S3 client built without WithErrors into the
// error package coserr would have made for it:
//
//   - nil gives nil; an error that already is or wraps a
//     *coserr.ServiceError or *coserr.ClientError comes back as it is.
//   - An error with an *awshttp.ResponseError (the service answered)
//     gives a *coserr.ServiceError: StatusCode; Code and Message from the
//     SDK's smithy.APIError, except the code the SDK makes up for a body
//     without one (HEAD's "NotFound", "Forbidden", ...: Code is then
//     empty, as for the same response through net/http); the x-cos-error-
//     code header when the SDK found no code; RequestID from the body's
//     RequestId, else the x-cos-request-id, x-ci-request-id and
//     x-amz-request-id headers, as coserr.FromResponse takes it (the SDK
//     keeps the body's id only when the response has no x-amz-request-id
//     header, which COS does not send); TraceID from the x-cos-* and
//     x-ci-* headers, else the SDK's host id (the body's HostId, else
//     x-amz-id-2);
//     Header, Method and the redacted URL. Body, Resource and the body's
//     TraceId are not known: the SDK has read and dropped the body (use
//     WithErrors). Err is the error Wrap was given.
//   - Any other error gives a *coserr.ClientError, as coserr.FromTransport
//     makes.
//
// The SDK marks an <Error> inside a 200 by changing the status to 500;
// Wrap gives back the status the response had. Alone, the SDK retries
// such an error whatever its code (an AccessDenied too), and its newer
// versions (v1.114 for one) take a 200 to Complete Multipart Upload that
// ends after the padding, with no verdict, for a success, which leaves
// Wrap nothing to see: WithErrors sends the first once when
// coserr.IsRetryable says no, and makes the second the retryable
// *coserr.ClientError of coserr.FromResponse.
func Wrap(err error) error {
	if adapter.Done(err) {
		return err
	}
	var re *awshttp.ResponseError
	if errors.As(err, &re) && re != nil && re.Response != nil && re.Response.Response != nil {
		if se := fromResponseError(re, err); se != nil {
			return se
		}
	}
	return coserr.FromTransport(nil, err)
}

// fromResponseError builds the ServiceError of re; orig is what Wrap was
// given. It is nil for a status below 300 that was not an error inside a
// 200.
func fromResponseError(re *awshttp.ResponseError, orig error) *coserr.ServiceError {
	resp := re.Response.Response
	status := resp.StatusCode
	if sent, ok := statusLine(resp.Status); ok && sent != status && sent < 300 {
		status = sent // the SDK's 500 for an <Error> inside a 200
	}
	var ae smithy.APIError
	hasAPI := errors.As(orig, &ae) && ae != nil
	if status < 300 && !hasAPI {
		return nil
	}
	// The header's fields do not depend on the status: parse them as an
	// error's, whatever the status.
	se, ok := coserr.Parse(max(status, 300), resp.Header, nil).(*coserr.ServiceError)
	if !ok {
		se = &coserr.ServiceError{Header: resp.Header}
	}
	se.StatusCode = status
	if hasAPI && !madeUp(status, ae) {
		se.Code = strings.TrimSpace(ae.ErrorCode())
		se.Message = ae.ErrorMessage()
	}
	if se.Code == "" && resp.Header != nil {
		se.Code = strings.TrimSpace(resp.Header.Get("X-Cos-Error-Code"))
	}
	// The SDK's request id is x-amz-request-id, else the body's
	// RequestId: one that is not that header's is the body's, which comes
	// first.
	if id := re.RequestID; id != "" && (se.RequestID == "" || id != resp.Header.Get("X-Amz-Request-Id")) {
		se.RequestID = id
	}
	var host interface{ ServiceHostID() string }
	if se.TraceID == "" && errors.As(orig, &host) {
		se.TraceID = host.ServiceHostID()
	}
	if req := resp.Request; req != nil {
		se.Method = req.Method
		se.URL = redact.URL(req.URL)
	}
	se.Err = redact.Chain(orig)
	return se
}

// madeUp reports whether ae's code is one the SDK made up for a response
// whose body had neither code nor message (no body, or one that is not
// XML): the status text without spaces ("NotFound", "BadRequest") with
// the status text or nothing as message; or "UnknownError", its default
// for a body with a message and no code.
func madeUp(status int, ae smithy.APIError) bool {
	code, msg := ae.ErrorCode(), ae.ErrorMessage()
	text := http.StatusText(status)
	return code == "UnknownError" || code == strings.ReplaceAll(text, " ", "") && (msg == text || msg == "")
}

// statusLine reads the status code at the start of an http.Response's
// Status, "200 OK".
func statusLine(s string) (int, bool) {
	code, _, _ := strings.Cut(s, " ")
	n, err := strconv.Atoi(code)
	return n, err == nil && len(code) == 3
}
