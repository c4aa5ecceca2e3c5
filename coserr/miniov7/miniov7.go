// Package miniov7 adapts github.com/minio/minio-go/v7, pointed at COS, to
// package coserr: Wrap turns minio's errors into a *coserr.ServiceError or
// *coserr.ClientError, and Transport keeps each error response's body and
// headers for it, so that every field is COS's own:
//
//	client, err := minio.New(endpoint, &minio.Options{
//		Creds: credentials.NewStaticV4(id, key, ""), Secure: true, Region: region,
//		Transport: miniov7.Transport(nil),
//	})
//	_, err = client.StatObject(ctx, bucket, key, minio.StatObjectOptions{})
//	if err = miniov7.Wrap(err); errors.Is(err, coserr.ErrNotFound) { // a HEAD's 404 has no code
//	}
package miniov7

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/minio/minio-go/v7"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/internal/adapter"
	"github.com/cosgo/errcatalog/coserr/internal/redact"
)

// Wrap turns an error of minio-go into the error package coserr makes
// for the same response:
//
//   - nil gives nil; an error that already is or wraps a
//     *coserr.ServiceError or *coserr.ClientError comes back as it is.
//   - A minio.ErrorResponse (minio.ToErrorResponse) of a response the
//     client's Transport marked gives the *coserr.ServiceError
//     coserr.FromResponse made of that response: every field, Body,
//     Header, Method and the redacted URL included. A failed read of such
//     a response's body (a connection cut mid-XML, a canceled context),
//     which minio returns as it is, gives the same, with what was read;
//     errors.Is still finds the read's failure.
//   - Any other minio.ErrorResponse gives a *coserr.ServiceError of what
//     minio kept: StatusCode, Code, Message, Resource, RequestID (the
//     body's RequestId, else x-amz-request-id) and TraceID (the body's
//     HostId, else x-amz-id-2). The codes minio makes up are not COS's:
//     for a body that is no XML <Error> minio sends its status line as
//     the code and the body (cut at 1 KiB) or the status line as the
//     message, and Wrap reads that body as coserr.Parse does (an HTML
//     page gives no code and no message, the page in Body; a JSON error
//     its code and message); for a bodiless 404, 403, 409 or 412 minio
//     sends NoSuchKey, NoSuchBucket, AccessDenied, Conflict or
//     PreconditionFailed with a stock message, and Wrap gives no code and
//     no message, as for the same HEAD through net/http. The status then
//     decides the class. Err is the error Wrap was given; when its text
//     shows a secret (a message that echoes a signed URL) it stands in
//     with that text redacted, matched by errors.Is, no longer by
//     errors.As. minio reads no
//     x-cos-* header: a bodiless answer (HEAD, a 304) gives no RequestID
//     or TraceID, so FromCOS is false though COS answered; with Transport
//     every id is read.
//   - A minio.ErrorResponse of a 2xx status whose code is its status
//     line ("200 OK": minio searched the 200 of Complete Multipart
//     Upload, a copy or Delete Multiple Objects for an <Error> and found
//     no XML in its first MiB) gives the *coserr.ClientError that
//     coserr.FromResponse makes of a 200 whose verdict it cannot read:
//     one whose first MiB held only white space is taken to have ended
//     before its verdict (io.ErrUnexpectedEOF, retryable), as COS sends
//     its spaces periodically while it merges; any other holds no result
//     (not retryable).
//     minio's error stays in the chain; Op and URL are empty, as minio
//     keeps no request. Through Transport, minio never sees such a 200,
//     and reads the verdict after any padding.
//   - An <Error> entry of a Delete Multiple Objects result, which
//     RemoveObjects returns for one key as a minio.ErrorResponse of a code
//     and a message only, gives a *coserr.ServiceError of that code and
//     message with status 200, the status of the response that carried
//     it: errors.Is matches its code and class, coserr.IsRetryable judges
//     its code. minio keeps no header of that response, so RequestID is
//     empty and FromCOS is false.
//   - An error minio made before sending anything (its request id is
//     "minio"; or the 400 InvalidBucketName or XMinioInvalidObjectName
//     it makes when it checks a name), a transport failure or a canceled
//     context gives a *coserr.ClientError, as coserr.FromTransport makes.
//
// Wrap looks through wrapping (errors.As) for the minio.ErrorResponse.
func Wrap(err error) error {
	if adapter.Done(err) {
		return err
	}
	var er minio.ErrorResponse
	if errors.As(err, &er) && er.RequestID != "minio" && er.StatusCode != 0 && !checkedArgs(er) {
		if se := lookup(&er); se != nil {
			se.Err = redact.Chain(adapter.Cause(se, err))
			return se
		}
		if er.StatusCode < 300 && isStatusLine(strings.TrimSpace(er.Code), er.StatusCode) {
			return noVerdict(er, err)
		}
		return fromErrorResponse(er, err)
	}
	if errors.As(err, &er) && deleteEntry(er) {
		return &coserr.ServiceError{StatusCode: http.StatusOK, Code: strings.TrimSpace(er.Code), Message: er.Message, Err: redact.Chain(err)}
	}
	if se := adapter.ReadLinked(err); se != nil {
		se.Err = redact.Chain(adapter.Cause(se, err))
		return se
	}
	return coserr.FromTransport(nil, closedEarly(err))
}

// onlyCodeAndMessage reports whether er holds nothing that a response
// gave: no ids, server, resource, bucket, key or region.
func onlyCodeAndMessage(er minio.ErrorResponse) bool {
	return er.RequestID == "" && er.HostID == "" && er.Server == "" && er.Resource == "" &&
		er.BucketName == "" && er.Key == "" && er.Region == ""
}

// checkedArgs reports whether er is an error minio made when it checked
// a call's bucket or object name, before sending anything.
func checkedArgs(er minio.ErrorResponse) bool {
	return er.StatusCode == http.StatusBadRequest && (er.Code == "InvalidBucketName" || er.Code == "XMinioInvalidObjectName") &&
		onlyCodeAndMessage(er)
}

// listCheck is the message of the error minio makes for a truncated list
// without a continuation token: its own check of a response, no COS code.
const listCheck = "Truncated response should have continuation token set"

// deleteEntry reports whether er is an <Error> entry of a Delete Multiple
// Objects result, as minio's RemoveObjects returns it for one key: a
// code and a message, no status, nothing else.
func deleteEntry(er minio.ErrorResponse) bool {
	return er.StatusCode == 0 && strings.TrimSpace(er.Code) != "" && onlyCodeAndMessage(er) &&
		!(er.Code == "NotImplemented" && er.Message == listCheck)
}

// minioEOF begins the text minio-go puts in place of a round trip's error
// whose text holds "EOF" (api.go, in do): the connection closed before
// the response was whole.
const minioEOF = "Connection closed by foreign host "

// closedEarly gives back err, or, for minio's stand-in for an EOF (a
// *url.Error in err's chain), the same error with io.ErrUnexpectedEOF
// behind it again, so that the retry rule sees a connection cut short,
// as through the other clients: minio's *url.Error itself becomes one
// whose cause is io.ErrUnexpectedEOF; an error that wraps it (user code's
// fmt.Errorf or errors.Join) keeps its text and chain, with
// io.ErrUnexpectedEOF added.
func closedEarly(err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) || ue == nil || ue.Err == nil || !strings.HasPrefix(ue.Err.Error(), minioEOF) {
		return err
	}
	if ue == err {
		return &url.Error{Op: ue.Op, URL: ue.URL, Err: fmt.Errorf("%w (minio-go: %s)", io.ErrUnexpectedEOF, ue.Err)}
	}
	return &cutShort{err: err}
}

// cutShort is an error that wraps minio's stand-in for an EOF: its text
// and chain, and io.ErrUnexpectedEOF, which the stand-in replaced.
type cutShort struct{ err error }

// Error is the wrapped error's text.
func (c *cutShort) Error() string { return c.err.Error() }

// Unwrap gives errors.Is and errors.As the wrapped error, then
// io.ErrUnexpectedEOF.
func (c *cutShort) Unwrap() []error { return []error{c.err, io.ErrUnexpectedEOF} }

// stockMessages are the messages minio gives the codes it makes up for a
// bodiless response, by status. The codes are spelled out: minio-go
// v7.0.85 and older do not export their names.
var stockMessages = map[int]map[string]string{
	http.StatusNotFound: {
		"NoSuchKey":    "The specified key does not exist.",
		"NoSuchBucket": "The specified bucket does not exist.",
	},
	http.StatusForbidden:          {"AccessDenied": "Access Denied."},
	http.StatusConflict:           {"Conflict": "Bucket not empty."},
	http.StatusPreconditionFailed: {"PreconditionFailed": "At least one of the pre-conditions you specified did not hold."},
}

// fromErrorResponse builds the ServiceError of what minio kept of a
// response; orig is what Wrap was given.
func fromErrorResponse(er minio.ErrorResponse, orig error) *coserr.ServiceError {
	se := &coserr.ServiceError{
		StatusCode: er.StatusCode,
		Code:       strings.TrimSpace(er.Code),
		Message:    er.Message,
		Resource:   strings.TrimSpace(er.Resource),
		RequestID:  strings.TrimSpace(er.RequestID),
		TraceID:    strings.TrimSpace(er.HostID),
	}
	switch {
	case isStatusLine(se.Code, er.StatusCode):
		// minio's stand-in for a body that is no XML <Error>: the message
		// is that body, or the status line when there was none.
		se.Code, se.Message = "", ""
		if er.Message != er.Code && er.Message != "" {
			body := []byte(er.Message)
			if p, ok := coserr.Parse(er.StatusCode, nil, body).(*coserr.ServiceError); ok {
				se.Code, se.Message, se.Body = p.Code, p.Message, p.Body
				se.Resource = p.Resource
				if p.RequestID != "" {
					se.RequestID = p.RequestID
				}
				if p.TraceID != "" {
					se.TraceID = p.TraceID
				}
			}
		}
	case se.Resource == "" && stockMessages[er.StatusCode][se.Code] == er.Message:
		se.Code, se.Message = "", "" // made up for a bodiless answer
	}
	se.Err = redact.Chain(orig)
	return se
}

// isStatusLine reports whether code is an HTTP status line for status,
// "502 Bad Gateway", as minio sends in place of a code.
func isStatusLine(code string, status int) bool {
	s, _, ok := strings.Cut(code, " ")
	return ok && s == strconv.Itoa(status)
}
