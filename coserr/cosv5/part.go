package cosv5

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/internal/redact"
)

// partPrefixes start the text of the SDK's error for a part that failed in
// Object.Upload ("UploadID U, part 3 failed to get resp content. error: ")
// and Object.Download ("part 3 get resp Content. error: "): the part's
// error follows as text, its *cos.ErrorResponse dropped.
var partPrefixes = []struct{ start, end string }{
	{"UploadID ", " failed to get resp content. error: "},
	{"part ", " get resp Content. error: "},
}

// partError returns the ServiceError that the text of the SDK's error for
// a failed part holds, when err or an error in its tree is one and the
// part's error was COS's answer; otherwise nil.
func partError(err error) *coserr.ServiceError {
	var se *coserr.ServiceError
	walk(err, func(e error) bool {
		msg := text(e)
		for _, p := range partPrefixes {
			if !strings.HasPrefix(msg, p.start) {
				continue
			}
			if _, rest, ok := strings.Cut(msg, p.end); ok {
				se = errorResponseText(rest)
				return se != nil
			}
		}
		return false
	})
	if se != nil {
		se.Err = cause(err)
	}
	return se
}

// errorResponseText reads the text of a *cos.ErrorResponse,
// "PUT <url>: 503 SlowDown(Message: <msg>, RequestId: <id>, TraceId:
// <id>)", from its end, since the URL (which the SDK decodes) and the
// message are free text: nil when s is not such a text.
func errorResponseText(s string) *coserr.ServiceError {
	s, ok := strings.CutSuffix(s, ")")
	if !ok {
		return nil
	}
	i := strings.LastIndex(s, ", TraceId: ")
	if i < 0 {
		return nil
	}
	traceID := s[i+len(", TraceId: "):]
	s = s[:i]
	if i = strings.LastIndex(s, ", RequestId: "); i < 0 {
		return nil
	}
	requestID := s[i+len(", RequestId: "):]
	s = s[:i]
	// "PUT <url>: 503 SlowDown(Message: <msg>": the last "(Message: "
	// that follows a status and a code; the message may hold the marker.
	var status int
	var code, message, rest string
	for k := strings.LastIndex(s, "(Message: "); k >= 0; k = strings.LastIndex(s[:k], "(Message: ") {
		head := s[:k]
		j := strings.LastIndex(head, ": ")
		if j < 0 {
			return nil
		}
		statusText, c, ok := strings.Cut(head[j+2:], " ")
		n, err := strconv.Atoi(statusText)
		if !ok || err != nil || len(statusText) != 3 || n < 300 || strings.ContainsAny(c, " (") {
			continue
		}
		status, code, message, rest = n, c, s[k+len("(Message: "):], head[:j]
		break
	}
	if status == 0 {
		return nil
	}
	method, rawURL, ok := strings.Cut(rest, " ")
	if !ok || method == "" || strings.ToUpper(method) != method {
		return nil
	}
	if status == shownRetryable || status == shownFinal {
		status = http.StatusOK // an <Error> inside a 200, which Transport showed the SDK so
	}
	se := &coserr.ServiceError{StatusCode: status, Code: code, Message: message,
		RequestID: strings.TrimSpace(requestID), TraceID: strings.TrimSpace(traceID), Method: method}
	if u, err := url.Parse(rawURL); err == nil {
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
