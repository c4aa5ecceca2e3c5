// Package awsv2 adapts github.com/aws/aws-sdk-go-v2/service/s3, pointed at
// COS, to package coserr: with WithErrors, every operation's error is or
// wraps a *coserr.ServiceError (or, below HTTP, a *coserr.ClientError),
// and the SDK's retryer retries exactly what coserr.IsRetryable says.
//
//	client := s3.NewFromConfig(cfg, awsv2.WithErrors)
//	_, err := client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: &bucket, Key: &key})
//	if errors.Is(err, coserr.ErrNotFound) { // also a bodiless 404
//		var se *coserr.ServiceError
//		errors.As(err, &se) // Code, Message, RequestID, TraceID, Origin(), Digest()
//	}
//
// The SDK's own errors stay inside: errors.As finds *types.NoSuchKey,
// smithy.APIError and *smithy.OperationError as before. One whose text
// shows a secret (a message that echoes a signed URL) stands in with that
// text redacted: errors.Is still matches it, errors.As no longer finds
// its type. Wrap serves a
// client built without WithErrors, with what the SDK kept (no body).
package awsv2

import (
	"context"
	"errors"
	"github.com/cosgo/errcatalog/coserr/internal/redact"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/cosgo/errcatalog/coserr"
)

// Middleware IDs on the operation's stack.
const (
	wrapID    = "coserr:Wrap"
	captureID = "coserr:Capture"
)

// WithErrors adds coserr's middleware to the client's operations; pass it
// to s3.New or s3.NewFromConfig, or to one operation call.
//
// For each attempt, the response's status, headers and first
// coserr.MaxBodyBytes of body are read as coserr.FromResponse reads them,
// before the SDK's deserializer, which then reads the same bytes. The
// attempt's error becomes a *coserr.ServiceError with every field:
// StatusCode, Code, Message, Resource, RequestID and TraceID (the body's,
// else the x-cos-* headers', else x-amz-request-id and x-amz-id-2), Body
// (so Origin and Digest work), Header, Method and the redacted URL. Its Err
// is the SDK's error. A bodiless HEAD's error has no Code, where the SDK
// makes up "NotFound": it is what FromResponse gives for the same
// response. An <Error> document inside a 200 to PUT Object - Copy, Upload
// Part - Copy or Complete Multipart Upload is an error with its code and
// status 200. A failure below HTTP becomes a *coserr.ClientError, as
// coserr.FromTransport makes. So does a failed read of the padded 200 of
// Complete Multipart Upload: the SDK closes a request's body as soon as
// the response's headers are in, which can make net/http close the
// connection while a long padding is still read ("use of closed network
// connection", with or without WithErrors); the error is retryable.
//
// Each attempt's error tells the SDK's retryer coserr.IsRetryable's
// verdict through a method RetryableError() bool, which the standard and
// adaptive retryers ask before any other rule but a canceled context.
// The retryer still decides how often and how long to wait (MaxAttempts,
// backoff, retry quota), and it still retries a signature error once when
// the response's Date shows the local clock is off, after correcting it.
func WithErrors(o *s3.Options) {
	o.APIOptions = append(o.APIOptions, addMiddleware)
}

// addMiddleware puts wrap first and capture last in the Deserialize step:
// capture sees the raw response before every deserializer, wrap sees the
// error after all of them. Adding them twice changes nothing.
func addMiddleware(stack *middleware.Stack) error {
	if _, ok := stack.Deserialize.Get(wrapID); ok {
		return nil
	}
	if err := stack.Deserialize.Add(wrapMiddleware{}, middleware.Before); err != nil {
		return err
	}
	return stack.Deserialize.Add(captureMiddleware{}, middleware.After)
}

// attemptKey is the context key of the *attempt of one request.
type attemptKey struct{}

// attempt carries the response's error from capture to wrap.
type attempt struct {
	se *coserr.ServiceError
}

// captureMiddleware reads the error the raw response carries.
type captureMiddleware struct{}

// ID names the middleware on the stack.
func (captureMiddleware) ID() string { return captureID }

// HandleDeserialize parses the raw response, leaving its body readable.
// When the request got no response, the SDK's raw response is an empty
// one, of status 0: there is nothing to parse.
func (captureMiddleware) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	middleware.DeserializeOutput, middleware.Metadata, error,
) {
	out, md, err := next.HandleDeserialize(ctx, in)
	a, _ := ctx.Value(attemptKey{}).(*attempt)
	if resp, ok := out.RawResponse.(*smithyhttp.Response); ok && a != nil && resp != nil && resp.Response != nil && resp.StatusCode != 0 {
		switch e := coserr.FromResponse(resp.Response).(type) {
		case *coserr.ServiceError:
			a.se = e
		case *coserr.ClientError: // a 200 whose verdict cannot be read is no success
			return out, md, e
		}
	}
	return out, md, err
}

// wrapMiddleware turns the attempt's outcome into coserr's error.
type wrapMiddleware struct{}

// ID names the middleware on the stack.
func (wrapMiddleware) ID() string { return wrapID }

// HandleDeserialize returns the attempt's *coserr.ServiceError (with the
// SDK's error inside) or *coserr.ClientError, in an attemptError.
func (wrapMiddleware) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	middleware.DeserializeOutput, middleware.Metadata, error,
) {
	a := &attempt{}
	out, md, err := next.HandleDeserialize(context.WithValue(ctx, attemptKey{}, a), in)
	if se := a.se; se != nil {
		// The SDK's error (nil when it took the response for a success),
		// after the failed read of the body, if any.
		se.Err = redact.Chain(errors.Join(se.Err, err))
		return out, md, &attemptError{err: se}
	}
	if err == nil {
		return out, md, nil
	}
	var req *http.Request
	if r, ok := in.Request.(*smithyhttp.Request); ok && r != nil {
		req = r.Request
	}
	return out, md, &attemptError{err: coserr.FromTransport(req, err)}
}

// An attemptError is the error of one attempt: a *coserr.ServiceError or
// *coserr.ClientError, which Unwrap returns, with coserr's retry verdict
// for the SDK's retryer.
type attemptError struct {
	err error
}

// Error is the coserr error's text.
func (e *attemptError) Error() string { return e.err.Error() }

// Unwrap returns the coserr error.
func (e *attemptError) Unwrap() error { return e.err }

// RetryableError is coserr.IsRetryable of the error; the SDK's retryers
// look for this method first.
func (e *attemptError) RetryableError() bool { return coserr.IsRetryable(e.err) }

var _ interface{ RetryableError() bool } = (*attemptError)(nil)
