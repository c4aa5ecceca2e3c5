package coserr

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/cosgo/errcatalog/coserr/internal/redact"
	"github.com/cosgo/errcatalog/internal/diagnose"
)

// A ClientError is a failure on the client's side of a COS request: the
// connection could not be made, timed out or broke, or the response could
// not be read. It is the counterpart of the Python SDK's CosClientError.
// Err keeps the cause, so errors.Is(err, context.Canceled) and
// errors.As(err, &netErr) see through it. All methods are safe on a nil
// *ClientError.
type ClientError struct {
	Op  string // the request's method, e.g. "GET"
	URL string // the request's URL, signatures and tokens redacted
	Err error  // the cause
}

var (
	_ error          = (*ClientError)(nil)
	_ slog.LogValuer = (*ClientError)(nil)
)

// FromTransport wraps the error an http.Client (or an SDK over one)
// returned for req into a *ClientError: nil in, nil out; an error that
// already is or wraps a *ServiceError or *ClientError comes back as it
// is. req may be nil (or have no URL); the method and URL then come from a
// *url.Error cause, if any.
//
// No error reachable from the *ClientError shows a secret: a *url.Error in
// err's chain is replaced by a copy whose URL is redacted, and any other
// error whose text quotes a secret by one with that text redacted, whose
// causes are redacted the same way. The causes that show none (a
// *net.OpError, a syscall.Errno, context.Canceled) are kept as they are,
// so errors.Is and errors.As still find them; Err is the redacted chain.
//
// An SDK's error that FromTransport does not know is a transport failure
// unless it carries a response: an error in whose chain (errors.As) the
// first with a method HTTPStatusCode() int reports a status of 300 or
// more, as aws-sdk-go-v2's *awshttp.ResponseError does, is a service
// error, and FromTransport returns it unchanged. IsRetryable judges such
// an error; the adapters in coserr/awsv2, coserr/cosv5 and
// coserr/miniov7 turn their SDK's errors into a *ServiceError.
func FromTransport(req *http.Request, err error) error {
	if err == nil {
		return nil
	}
	var se *ServiceError
	var ce *ClientError
	if errors.As(err, &se) || errors.As(err, &ce) {
		return err
	}
	if _, ok := responseStatus(err); ok {
		return err
	}
	e := &ClientError{Err: redactChain(err)}
	if req != nil {
		e.Op, e.URL = req.Method, redact.URL(req.URL)
		if e.Op == "" {
			e.Op = http.MethodGet // as net/http reads an empty method
		}
	}
	if ue := (*url.Error)(nil); e.URL == "" && errors.As(err, &ue) && ue != nil {
		if e.Op == "" {
			e.Op = strings.ToUpper(ue.Op) // *url.Error spells it "Get"
		}
		e.URL = redact.URLString(ue.URL)
	}
	return e
}

// Error formats the error as "cos: OP URL: CAUSE", with every secret in
// the URL and in the cause's text (a *url.Error quotes the full URL)
// redacted.
func (e *ClientError) Error() string {
	if e == nil {
		return "cos: <nil>"
	}
	msg := "cos:"
	if e.Op != "" {
		msg += " " + e.Op
	}
	if e.URL != "" {
		msg += " " + redact.URLString(e.URL)
	}
	cause := e.causeText()
	switch {
	case cause != "" && msg != "cos:":
		msg += ": " + cause
	case cause != "":
		msg += " " + cause
	case msg == "cos:":
		msg = "cos: client error"
	}
	return msg
}

// causeText is the text of the cause, scrubbed of secrets. When the cause
// is a *url.Error and e has its own op or URL, only the *url.Error's own
// cause is quoted: its op and URL would repeat e's, and e's URL was
// redacted from the parsed URL, which is surer than scrubbing free text.
func (e *ClientError) causeText() string {
	cause := e.Err
	if cause == nil {
		return ""
	}
	var ue *url.Error
	if (e.Op != "" || e.URL != "") && errors.As(cause, &ue) && ue != nil && ue.Err != nil {
		cause = ue.Err
	}
	return redact.Text(cause.Error())
}

// Unwrap returns Err, the cause.
func (e *ClientError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// Timeout reports whether the cause is a timeout: a net.Error whose
// Timeout is true, or a deadline exceeded.
func (e *ClientError) Timeout() bool {
	if e == nil || e.Err == nil {
		return false
	}
	var ne net.Error
	if errors.As(e.Err, &ne) && ne.Timeout() {
		return true
	}
	return errors.Is(e.Err, context.DeadlineExceeded)
}

// Retryable reports whether the request is worth sending again: true for
// timeouts, connection resets, refusals and aborts, broken pipes,
// unreachable networks, temporary DNS failures and truncated reads; false
// for context cancellation (anywhere in the chain, even beside a timeout),
// TLS alerts and certificate errors, an unknown host and anything else.
//
// A request that is not idempotent, an append (POST Object with the
// append parameter), is retryable only when it provably never reached the
// server: a failed dial or DNS lookup. Cut off after it was sent (a reset,
// an EOF, a timeout), it may have been applied, and sending it again could
// append the same data twice.
func (e *ClientError) Retryable() bool {
	if e == nil || !transportRetryable(e.Err) {
		return false
	}
	return !diagnose.IsAppend(e.Op, e.URL) || neverSent(e.Err)
}

// neverSent reports whether err proves that the request never left the
// client: the connection was never made, or the host never resolved.
func neverSent(err error) bool {
	var op *net.OpError
	var dns *net.DNSError
	return errors.As(err, &op) && op.Op == "dial" || errors.As(err, &dns)
}

// LogValue makes e log as a group: op, url (redacted), error (the cause's
// text, scrubbed, as Error quotes it), timeout and retryable.
func (e *ClientError) LogValue() slog.Value {
	if e == nil {
		return slog.GroupValue()
	}
	attrs := make([]slog.Attr, 0, 4)
	if e.Op != "" {
		attrs = append(attrs, slog.String("op", e.Op))
	}
	if e.URL != "" {
		attrs = append(attrs, slog.String("url", redact.URLString(e.URL)))
	}
	if cause := e.causeText(); cause != "" {
		attrs = append(attrs, slog.String("error", cause))
	}
	attrs = append(attrs, slog.Bool("timeout", e.Timeout()), slog.Bool("retryable", e.Retryable()))
	return slog.GroupValue(attrs...)
}

// responseStatus returns the HTTP status of an SDK's error that carries a
// response: the first error in err's chain with a method HTTPStatusCode()
// int, when it reports 300 or more.
func responseStatus(err error) (int, bool) {
	var r interface{ HTTPStatusCode() int }
	if errors.As(err, &r) {
		if status := r.HTTPStatusCode(); status >= 300 {
			return status, true
		}
	}
	return 0, false
}

// sdkCode returns the code an SDK's error carries, trimmed of space, and
// its message: the first error in err's chain with a method ErrorCode()
// string, as smithy.APIError has, and that error's ErrorMessage() string
// when it has one. ok is false when no error in the chain has a code.
func sdkCode(err error) (code, message string, ok bool) {
	var c interface{ ErrorCode() string }
	if !errors.As(err, &c) {
		return "", "", false
	}
	if m, ok := c.(interface{ ErrorMessage() string }); ok {
		message = m.ErrorMessage()
	}
	return trimSpace(c.ErrorCode()), message, true
}

// transportRetryable is the retry rule for an error below HTTP, by the
// types the standard library uses (diagnose.TransportRetryable): a
// timeout, a reset, refused or broken connection, an unreachable network,
// a truncated read or any *net.OpError; never a canceled context, a TLS
// failure or a DNS failure that is not temporary.
func transportRetryable(err error) bool { return diagnose.TransportRetryable(err) }
