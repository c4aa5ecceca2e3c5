package cosv5

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/internal/redact"
	"github.com/cosgo/errcatalog/internal/diagnose"
)

// partPrefixes start the text of the SDK's error for a part that failed in
// Object.Upload ("UploadID U, part 3 failed to get resp content. error: ")
// and Object.Download ("part 3 get resp Content. error: "): the part's
// error follows as text, its *cos.ErrorResponse dropped.
var partPrefixes = []struct{ start, end string }{
	{"UploadID ", " failed to get resp content. error: "},
	{"part ", " get resp Content. error: "},
}

// eachPartText calls f with the text of the part's error of each error in
// err's tree that is the SDK's text of a failed part (partPrefixes), until
// f returns true.
func eachPartText(err error, f func(rest string) bool) {
	walk(err, func(e error) bool {
		msg := text(e)
		for _, p := range partPrefixes {
			if !strings.HasPrefix(msg, p.start) {
				continue
			}
			if _, rest, ok := strings.Cut(msg, p.end); ok {
				return f(rest)
			}
		}
		return false
	})
}

// partError returns the ServiceError that the text of the SDK's error for
// a failed part holds, when err or an error in its tree is one and the
// part's error was COS's answer; otherwise nil.
func partError(err error) *coserr.ServiceError {
	var se *coserr.ServiceError
	eachPartText(err, func(rest string) bool {
		se = errorResponseText(rest)
		return se != nil
	})
	if se != nil {
		se.Err = cause(err)
	}
	return se
}

// partReasonError returns the error of a part that failed below HTTP
// for a reason its text names exactly (partCause), when err or an error
// in its tree is the SDK's text of one: a ClientError that errors.Is
// matches with that reason; nil otherwise.
func partReasonError(err error) error {
	var reason error
	eachPartText(err, func(rest string) bool {
		reason = partCause(rest)
		return reason != nil
	})
	if reason == nil {
		return nil
	}
	return coserr.FromTransport(nil, &partFailed{sdk: err, reason: reason})
}

// partCause is the error that rest, the text of a part's error, names
// exactly: the context's error, which the SDK's worker returns alone once
// the context is done; or, for Download's "io.Copy Failed, nread:N,
// want:M, err:E", a body that ended before the part's length
// (io.ErrUnexpectedEOF, E being unexpected EOF, EOF or <nil>) or E the
// context's error. nil for any other text.
func partCause(rest string) error {
	const copyFailed, errAt = "io.Copy Failed, nread:", ", err:"
	if strings.HasPrefix(rest, copyFailed) {
		i := strings.LastIndex(rest, errAt)
		if i < 0 {
			return nil
		}
		switch rest = rest[i+len(errAt):]; rest {
		case io.ErrUnexpectedEOF.Error(), io.EOF.Error(), "<nil>":
			return io.ErrUnexpectedEOF
		}
	}
	switch rest {
	case context.Canceled.Error():
		return context.Canceled
	case context.DeadlineExceeded.Error():
		return context.DeadlineExceeded
	}
	return nil
}

// partFailed is the SDK's error for a part that failed below HTTP, with
// the reason its text names behind it.
type partFailed struct {
	sdk    error // the SDK's error, as Wrap was given it
	reason error // context.Canceled, context.DeadlineExceeded or io.ErrUnexpectedEOF
}

// Error is the SDK's text.
func (e *partFailed) Error() string { return text(e.sdk) }

// Unwrap gives errors.Is and errors.As the SDK's error, then the
// reason.
func (e *partFailed) Unwrap() []error { return []error{e.sdk, e.reason} }

// errorResponseText is the ServiceError that the text of a
// *cos.ErrorResponse holds (diagnose.ParseCOSv5Error): nil when s is not
// such a text.
func errorResponseText(s string) *coserr.ServiceError {
	e, ok := diagnose.ParseCOSv5Error(s)
	if !ok {
		return nil
	}
	if e.Status == shownRetryable || e.Status == shownFinal {
		e.Status = http.StatusOK // an <Error> inside a 200, which Transport showed the SDK so
	}
	se := &coserr.ServiceError{StatusCode: e.Status, Code: e.Code, Message: e.Message,
		RequestID: e.RequestID, TraceID: e.TraceID, Method: e.Method}
	if u, err := url.Parse(e.URL); err == nil {
		se.URL = redact.URL(u)
	}
	return se
}

// walk calls f for e and each error in its tree, depth first as errors.As
// searches (errors.Join included), until f returns true.
func walk(e error, f func(error) bool) bool {
	if e == nil {
		return false
	}
	if f(e) {
		return true
	}
	switch u := e.(type) {
	case interface{ Unwrap() error }:
		return walk(u.Unwrap(), f)
	case interface{ Unwrap() []error }:
		for _, c := range u.Unwrap() {
			if walk(c, f) {
				return true
			}
		}
	}
	return false
}
