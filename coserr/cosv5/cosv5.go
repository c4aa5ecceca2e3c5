// Package cosv5 adapts the errors of github.com/tencentyun/cos-go-sdk-v5,
// the official COS Go SDK, to package coserr: Wrap turns the SDK's error
// into a *coserr.ServiceError or *coserr.ClientError, and Transport keeps
// each error response's body for it, so that Origin and Digest work:
//
//	client := cos.NewClient(baseURL, &http.Client{
//		Transport: cosv5.Transport(&cos.AuthorizationTransport{SecretID: id, SecretKey: key}),
//	})
//	_, err := client.Object.Head(ctx, key, nil)
//	if err = cosv5.Wrap(err); errors.Is(err, coserr.ErrNotFound) { // also a HEAD's bodiless 404
//	}
//
// Wrap keeps the SDK's own error inside the one it returns, so code that
// uses cos.IsCOSError or errors.As(err, &cosErr) goes on working once it
// unwraps.
package cosv5

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/internal/adapter"
	"github.com/cosgo/errcatalog/coserr/internal/redact"
)

// Wrap turns an error of the COS Go SDK into the error package coserr
// would have made for it:
//
//   - nil gives nil.
//   - A *cos.ErrorResponse (COS answered with an error status) gives a
//     *coserr.ServiceError with every field the SDK kept: StatusCode; Code
//     from the body, else the x-cos-error-code header; Message; Resource;
//     RequestID and TraceID from the body, else the x-cos-request-id /
//     x-cos-trace-id headers, else x-ci-request-id / x-ci-trace-id; Method
//     and URL of the request, the URL with signatures and tokens redacted
//     (as coserr redacts them); Header, the response's headers (for
//     coserr.RetryAfter). Body stays nil, as the SDK has read and closed
//     it, unless the client's RoundTripper is a Transport: then the
//     error is the one coserr.FromResponse makes for the response, Body
//     and all; when the Transport's read of the body failed (a canceled
//     context, a connection cut), which the SDK does not report, that
//     failure is joined before the SDK's error in Err, so errors.Is(err,
//     context.Canceled) holds and coserr.IsRetryable is false. An <Error>
//     inside the 200 of PUT Object - Copy, Upload Part - Copy or Complete
//     Multipart Upload has status 200. Err holds the error Wrap was
//     given, so errors.As(err, &errResp) with a *cos.ErrorResponse still
//     finds the SDK's error; when its request's URL carries a signature
//     or token in the query (a client that signs in the query), which
//     that error's Error method prints, errors.As finds a copy of it
//     whose request's URL is redacted, and errors.Is(err, sdkErr) holds.
//   - Without Transport, the SDK's error for an <Error> inside the 200 of
//     Complete Multipart Upload ("response 200 OK, but body contains an
//     error, [60 63 ...]", the body as numbers) gives the
//     *coserr.ServiceError coserr.Parse makes of that body: status 200,
//     method POST, the body's code, message and ids. The response's
//     headers and URL are not in the SDK's error, so they stay empty, and
//     FromCOS is false when the body has no RequestId: use Transport.
//     That error for a body of white space only (the padding, then the
//     end) gives the *coserr.ClientError coserr.FromResponse makes of a
//     200 that ended before its verdict: io.ErrUnexpectedEOF, retryable;
//     the SDK's error stays in the chain.
//   - The SDK's error for a part that failed in Object.Upload,
//     Object.Download or Object.MultiCopy ("UploadID U, part 3 failed to get resp content.
//     error: PUT ...: 503 SlowDown(Message: ..., RequestId: ...,
//     TraceId: ...)"), which holds the part's *cos.ErrorResponse only as
//     text, gives the *coserr.ServiceError that text holds: status, code,
//     message, request and trace ids (the body's, else the x-cos-*
//     headers', as the SDK prints them), method, and the URL as the SDK
//     prints it (decoded), redacted; the status is 200 for an <Error>
//     inside a 200 that Transport showed the SDK. The
//     headers and the body are not in the SDK's error, so Header and Body
//     stay empty. A part that failed below HTTP is text only too: a
//     *coserr.ClientError that coserr.IsRetryable cannot judge, but for
//     a part whose context ended ("... error: context canceled") and a
//     download part whose body was cut ("io.Copy Failed, nread:N,
//     want:M, err:unexpected EOF"): errors.Is matches that ClientError
//     with context.Canceled (or context.DeadlineExceeded), or with
//     io.ErrUnexpectedEOF, retryable, as the other clients' errors do. These
//     calls retry a part in loops of their own, which coserr's verdict
//     does not reach: Object.Upload sends a failed part up to three
//     times whatever its error (a 404 NoSuchUpload, a 403 too);
//     Object.MultiCopy stops at a 4xx, and so at a non-retryable <Error>
//     inside a 200, which Transport shows it as 490.
//   - A *cos.ErrorFrame (SELECT Object Content reported an error inside
//     its event stream, after the 200) gives the *coserr.ServiceError
//     coserr.FromStreamError makes of its code and message: status 200.
//     The request and trace ids are on the select response's Headers;
//     call coserr.FromStreamError with that response to keep them.
//   - A *cos.RetryError (the SDK's attempts all failed below HTTP) gives a
//     *coserr.ClientError for the last attempt, which is the one that
//     decided the outcome: errors.Is(err, context.Canceled),
//     errors.Is(err, syscall.ECONNREFUSED) and coserr.IsRetryable judge
//     it, and its Op and URL are those of the last attempt's *url.Error
//     (the URL the SDK built, before any RoundTripper changed it). Once
//     the context is done the SDK returns the context's error alone, so
//     Op and URL are then empty, and a failure Transport met reading a
//     200's verdict is gone too.
//     Err keeps the RetryError too (and so every attempt): errors.As(err,
//     &retryErr) with a *cos.RetryError finds it.
//   - An error that already is or wraps a *coserr.ServiceError or
//     *coserr.ClientError comes back as it is.
//   - Any other error (a transport failure the SDK passed on as it was, a
//     canceled context, a body it could not read or decode) gives a
//     *coserr.ClientError, as coserr.FromTransport makes.
//
// Wrap looks through wrapping (errors.As) for the SDK's types. It never
// panics, not even for an ErrorResponse without a Response or Request, on
// which the SDK's own Error method would.
//
// The SDK turns a JSON error body whose numeric code is missing into the
// code "0"; Wrap reads that as no code, and so falls back to the
// x-cos-error-code header, as the vector-bucket APIs need.
func Wrap(err error) error {
	if adapter.Done(err) {
		return err
	}
	var er *cos.ErrorResponse
	if errors.As(err, &er) && er != nil {
		if se := adapter.Linked(er.Response); se != nil {
			se.Err = cause(adapter.Cause(se, err))
			return se
		}
		return serviceError(er, err)
	}
	if se := adapter.ReadLinked(err); se != nil {
		se.Err = cause(adapter.Cause(se, err))
		return se
	}
	if e := completeError(err); e != nil {
		return e
	}
	if se := partError(err); se != nil {
		return se
	}
	if e := partReasonError(err); e != nil {
		return e
	}
	var ef *cos.ErrorFrame
	if errors.As(err, &ef) && ef != nil {
		se := coserr.FromStreamError(nil, ef.Code, ef.Message).(*coserr.ServiceError)
		se.Err = cause(err)
		return se
	}
	var re *cos.RetryError
	if errors.As(err, &re) && re != nil {
		for i := len(re.Errs) - 1; i >= 0; i-- {
			if re.Errs[i] != nil {
				return coserr.FromTransport(nil, &attempts{last: re.Errs[i], all: err, n: len(re.Errs)})
			}
		}
	}
	return coserr.FromTransport(nil, err)
}

// serviceError builds the ServiceError for er; orig is what Wrap was
// given. The status and the headers go through coserr.Parse, so the
// header fallbacks (x-cos-error-code; x-cos-* then x-ci-* ids) are
// coserr's own; what the SDK read from the body wins over them.
func serviceError(er *cos.ErrorResponse, orig error) *coserr.ServiceError {
	var e *coserr.ServiceError
	if resp := er.Response; resp != nil {
		// The header's fields do not depend on the status: parse them as an
		// error's, whatever the status (a 2xx the SDK turned into an error).
		var ok bool
		if e, ok = coserr.Parse(max(resp.StatusCode, 300), resp.Header, nil).(*coserr.ServiceError); !ok {
			e = &coserr.ServiceError{Header: resp.Header}
		}
		e.StatusCode = resp.StatusCode
		if req := resp.Request; req != nil {
			e.Method = req.Method
			e.URL = redact.URL(req.URL)
		}
	} else {
		e = &coserr.ServiceError{}
	}
	e.Err = cause(orig)
	code := strings.TrimSpace(er.Code)
	if code == "0" && er.Response != nil && isJSON(er.Response.Header) {
		code = "" // the SDK's stand-in for a JSON body without a code
	}
	set(&e.Code, code)
	set(&e.Message, er.Message)
	set(&e.Resource, strings.TrimSpace(er.Resource))
	set(&e.RequestID, strings.TrimSpace(er.RequestID))
	set(&e.TraceID, strings.TrimSpace(er.TraceID))
	return e
}

// set stores v in *field unless v is empty.
func set(field *string, v string) {
	if v != "" {
		*field = v
	}
}

// isJSON reports whether the response's Content-Type is JSON, as the SDK
// tests it.
func isJSON(h http.Header) bool {
	return strings.HasPrefix(strings.TrimLeft(h.Get("Content-Type"), " "), "application/json")
}

// attempts is the cause of the ClientError Wrap makes for a
// *cos.RetryError: the last attempt's error, which decides what the
// failure is, with every attempt kept behind it.
type attempts struct {
	last error // the last attempt's error
	all  error // what Wrap was given: the *cos.RetryError, or an error wrapping it
	n    int   // the number of failed attempts
}

// Error is the last attempt's error, with the number of attempts.
func (a *attempts) Error() string {
	if a.n == 1 {
		return a.last.Error()
	}
	return a.last.Error() + " (last of " + strconv.Itoa(a.n) + " attempts)"
}

// Unwrap gives errors.Is and errors.As the last attempt first, then the
// SDK's RetryError.
func (a *attempts) Unwrap() []error { return []error{a.last, a.all} }
