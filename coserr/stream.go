package coserr

import "net/http"

// FromStreamError turns an error that SELECT Object Content reports
// inside its event stream, after the 200 that started it, into the
// *ServiceError it stands for: the code and message of the error
// message's :error-code and :error-message headers, the status of resp
// (200), and the request and trace ids, headers, method and redacted URL
// of resp, as the Python SDK's CosServiceError has them. resp may be nil;
// the status is then 200.
//
//	if msg.Headers[":message-type"] == "error" {
//		return coserr.FromStreamError(resp, msg.Headers[":error-code"], msg.Headers[":error-message"])
//	}
func FromStreamError(resp *http.Response, code, message string) error {
	e := &ServiceError{StatusCode: http.StatusOK, Code: trimSpace(code), Message: message}
	if resp == nil {
		return e
	}
	e.StatusCode, e.Header = resp.StatusCode, resp.Header
	if resp.Header != nil {
		e.RequestID = firstHeader(resp.Header, requestIDHeaders[:])
		e.TraceID = firstHeader(resp.Header, traceIDHeaders[:])
	}
	e.setRequest(resp.Request)
	return e
}
