// Package statusrule holds the rules coserr applies to an error response
// whose code is empty (a HEAD response has no body) or not in the catalog:
// which class its HTTP status falls in, and whether it is worth retrying.
// Package coserr follows them at run time; errgen explain prints them for
// a status, and package gen checks that the catalog has every class they
// name.
package statusrule

// Class names the class an error with this status falls in when its code
// is empty or unknown: 3xx Redirect (304 PreconditionFailed), 401
// Unauthenticated, 403 AccessDenied, 404 NotFound, 409 Conflict, 412
// PreconditionFailed, 429 Throttled, other 4xx BadRequest, 5xx Server.
// It is "" outside 300..599.
func Class(status int) string {
	switch {
	case status == 304:
		return "PreconditionFailed"
	case status >= 300 && status < 400:
		return "Redirect"
	case status == 401:
		return "Unauthenticated"
	case status == 403:
		return "AccessDenied"
	case status == 404:
		return "NotFound"
	case status == 409:
		return "Conflict"
	case status == 412:
		return "PreconditionFailed"
	case status == 429:
		return "Throttled"
	case status >= 400 && status < 500:
		return "BadRequest"
	case status >= 500 && status < 600:
		return "Server"
	}
	return ""
}

// Classes lists every class name Class returns, in the order of the
// catalog's classes section.
var Classes = []string{
	"Redirect", "BadRequest", "Unauthenticated", "AccessDenied", "NotFound",
	"Conflict", "PreconditionFailed", "Throttled", "Server",
}

// Retryable reports whether an error with this status is worth sending
// again when its code is empty or unknown: 408 Request Timeout, 429 Too
// Many Requests and every 5xx but 501 Not Implemented, which fails the
// same way every time.
func Retryable(status int) bool {
	return status == 408 || status == 429 || (status >= 500 && status < 600 && status != 501)
}

// Reason says in one line why Retryable answers as it does for status.
func Reason(status int) string {
	switch {
	case status == 408:
		return "408: the server gave up waiting for the request; sending it again may succeed"
	case status == 429:
		return "429: a rate limit; retry after backing off"
	case status == 501:
		return "501: the operation is not implemented; it fails the same way every time"
	case status >= 500 && status < 600:
		return "5xx: a fault of the service, often passing; every official SDK retries it"
	case status >= 300 && status < 500:
		return "the request is refused as sent; sending it unchanged fails the same way"
	}
	return "not an error status"
}
