package coserr

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/cosgo/errcatalog/internal/diagnose"
)

// IsRetryable reports whether the request that failed with err is worth
// sending again. It looks through wrapping for the first *ServiceError,
// *ClientError or *Code and asks it: the catalog's flag for a known code;
// 408, 429 and 5xx but 501 for an unknown one; timeouts, resets, refused
// or broken connections and truncated reads for a transport failure. A
// bare transport error is judged by the same rules, an append among them:
// a *url.Error for a POST with the append parameter (method from its Op,
// query from its URL) is retryable only when the request never left the
// client, as ClientError.Retryable says. An append that COS answered
// with a retryable error (SlowDown, InternalError) stays retryable: it
// names its position, and COS answers 409 to an append whose position is
// no longer the object's length (cos-go-sdk-v5, object.go), so a retry
// cannot write the data twice; a 409 after such a retry says the first
// attempt was applied after all. Context cancellation anywhere in the
// chain is never retryable. IsRetryable(nil) is false.
//
// An SDK's error that IsRetryable does not know is judged by what it
// carries. One that carries a response (FromTransport says which: a
// method HTTPStatusCode() int reporting 300 or more, as aws-sdk-go-v2's
// *awshttp.ResponseError has) is a service error: the catalog's flag
// when the first error in its chain with a method ErrorCode() string (as
// smithy.APIError has) names a code Lookup knows, refined by its
// ErrorMessage() as ServiceError.Known refines a code, otherwise the
// status rule above. Any other error is judged as a transport failure. An
// adapter (coserr/awsv2, coserr/cosv5, coserr/miniov7) gives the same
// answer with every field of the response kept.
//
// A deadline exceeded counts as a timeout and is retryable: it is what an
// http.Client Timeout gives for one attempt. A retry loop stops on its
// own context's Done, as CheckRetry does.
func IsRetryable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var r interface{ Retryable() bool }
	if errors.As(err, &r) {
		return r.Retryable()
	}
	if status, ok := responseStatus(err); ok {
		if code, message, ok := sdkCode(err); ok {
			if k := knownCode(code, message); k != nil {
				return k.retryable
			}
		}
		return statusRetryable(status)
	}
	return transportRetryable(err) && !appendCutOff(err)
}

// appendCutOff reports whether err is the failure of an append that may
// have reached the server: a *url.Error in err's chain names a POST with
// the append parameter (its Op gives the method, its URL the query), and
// nothing in the chain proves that the request never left the client.
func appendCutOff(err error) bool {
	var ue *url.Error
	return errors.As(err, &ue) && ue != nil && diagnose.IsAppend(ue.Op, ue.URL) && !neverSent(err)
}

// maxRetryAfter is the longest wait RetryAfter accepts; a longer one is
// taken for a broken header.
const maxRetryAfter = 24 * time.Hour

// RetryAfter returns how long the server asked the client to wait, from
// the Retry-After header (seconds or an HTTP date) of the first
// *ServiceError in err's chain. ok is false when there is none, or when
// it asks for a negative wait or more than a day, or for a wait that is
// not whole seconds ("1.5"); a date in the past gives 0. It reports the
// header of any status, a 404's included: whether to retry at all is
// IsRetryable's answer, not RetryAfter's.
func RetryAfter(err error) (d time.Duration, ok bool) {
	var se *ServiceError
	if !errors.As(err, &se) || se == nil || se.Header == nil {
		return 0, false
	}
	v := strings.TrimSpace(se.Header.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 || secs > int64(maxRetryAfter/time.Second) {
			return 0, false
		}
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := time.Until(t); d <= maxRetryAfter {
			return max(d, 0), true
		}
	}
	return 0, false
}

// CheckRetry is a retry policy with the signature of go-retryablehttp's
// CheckRetry, so that
//
//	client.CheckRetry = coserr.CheckRetry
//	client.ErrorHandler = coserr.ErrorHandler
//	client.Logger = coserr.RedactLogger(log.Default()) // see RedactLogger
//
// retries exactly what IsRetryable says. It stops with the context's error
// once ctx is done. Each response is read with FromResponse, which leaves
// resp.Body readable from its first byte: a response of 300 or more, and
// a 2xx only where COS can fail inside a 200 (PUT Object - Copy, Upload
// Part - Copy, Complete Multipart Upload). An <Error> document there, or
// a body whose verdict cannot be read, is retried when IsRetryable says
// so, and CheckRetry returns it as its error, so that the client never
// hands back that 200 as a success. Every
// other 2xx body stays unread, and for a response of 300 or more
// CheckRetry returns no error of its own: the client then hands back the
// last response, or, with ErrorHandler, its COS error.
func CheckRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx != nil && ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil {
		return IsRetryable(err), nil
	}
	respErr := responseError(resp)
	if resp != nil && isSuccess(resp.StatusCode) {
		return IsRetryable(respErr), respErr
	}
	return IsRetryable(respErr), nil
}

// ErrorHandler is an ErrorHandler for go-retryablehttp, called when the
// client gives up: it returns no response and, as the error, the COS
// error of the last response (a *ServiceError, its body kept up to
// MaxBodyBytes; resp.Body is closed), or the *ClientError of the last
// transport failure or of the context that ended the retries. So
// errors.Is and errors.As see the cause, and the URL, redacted, appears
// once, where go-retryablehttp's default would drop the response and
// return "giving up after N attempt(s)" with the URL twice.
func ErrorHandler(resp *http.Response, err error, numTries int) (*http.Response, error) {
	if resp == nil {
		return nil, FromTransport(nil, err)
	}
	defer resp.Body.Close()
	if err != nil {
		return nil, FromTransport(resp.Request, err)
	}
	if err := responseError(resp); err != nil {
		return nil, err
	}
	return nil, FromTransport(resp.Request, fmt.Errorf("gave up after %d attempts", numTries))
}

// responseError is FromResponse, nil for a nil response.
func responseError(resp *http.Response) error {
	if resp == nil {
		return nil
	}
	return FromResponse(resp)
}
