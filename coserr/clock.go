package coserr

import (
	"errors"
	"net/http"
	"time"
)

// ClockSkew returns how far the server's clock is ahead of the local one
// (negative when it is behind), for an error that says the local clock is
// wrong: RequestTimeTooSkewed, and an expired signature ("Request has
// expired", whether COS sends it as the code or as the message of an
// AccessDenied; Cloud Infinite's SignatureExpired). The catalog marks
// these codes (clock_skew). The server's time is the
// body's ServerTime, else the response's Date header (see
// ServiceError.ServerTime). ok is false for any other error, or when the
// server's time is unknown.
//
// The local side is the clock when ClockSkew is called, so call it when
// the error arrives: for an error held for a while, the time it was held
// counts as skew. (ServerTime gives the server's side alone.)
//
// The JS and Node.js SDKs correct their clock by this offset and retry
// when it is 30 seconds or more; sign the request again with the
// corrected time to do the same.
func ClockSkew(err error) (skew time.Duration, ok bool) {
	var se *ServiceError
	if !errors.As(err, &se) || se == nil {
		return 0, false
	}
	if c := se.Known(); c == nil || !c.clockSkew {
		return 0, false
	}
	t, ok := se.ServerTime()
	if !ok {
		return 0, false
	}
	return time.Until(t), true
}

// ServerTime returns the server's clock when the error was made: the
// body's ServerTime (RFC 3339 or an HTTP date), else the response's Date
// header. ok is false when there is neither.
func (e *ServiceError) ServerTime() (t time.Time, ok bool) {
	if e == nil {
		return time.Time{}, false
	}
	for _, kv := range bodyChildren(e.Body) {
		if kv.name == "ServerTime" {
			if t, ok := parseTime(trimSpace(kv.value)); ok {
				return t, true
			}
		}
	}
	if e.Header != nil {
		return parseTime(e.Header.Get("Date"))
	}
	return time.Time{}, false
}

// parseTime reads a time in RFC 3339 or as an HTTP date.
func parseTime(v string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return t, true
	}
	return time.Time{}, false
}
