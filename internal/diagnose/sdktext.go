package diagnose

import (
	"regexp"
	"strconv"
	"strings"
)

// A COSv5Error is what the text of cos-go-sdk-v5's *cos.ErrorResponse
// says: "PUT <url>: 503 SlowDown(Message: <msg>, RequestId: <id>,
// TraceId: <id>)", the URL as the SDK prints it (decoded).
type COSv5Error struct {
	Status                                    int
	Code, Message, RequestID, TraceID, Method string
	URL                                       string
}

// requestStart finds where "METHOD URL" begins in the text before the
// status; text before it (a log line's, an earlier attempt's) is skipped.
var requestStart = regexp.MustCompile(`(?:^|\s)(GET|PUT|POST|HEAD|DELETE|OPTIONS|PATCH) https?://`)

// ParseCOSv5Error reads the text of a *cos.ErrorResponse that ends s,
// from its end, since the URL and the message are free text (the message
// may hold the markers): ok is false when s does not end with one.
// cos-go-sdk-v5's Object.Upload, Download and MultiCopy flatten a part's
// error into such a text, and a person pastes it.
func ParseCOSv5Error(s string) (e COSv5Error, ok bool) {
	s, ok = strings.CutSuffix(s, ")")
	if !ok {
		return e, false
	}
	i := strings.LastIndex(s, ", TraceId: ")
	if i < 0 {
		return e, false
	}
	e.TraceID = strings.TrimSpace(s[i+len(", TraceId: "):])
	s = s[:i]
	if i = strings.LastIndex(s, ", RequestId: "); i < 0 {
		return e, false
	}
	e.RequestID = strings.TrimSpace(s[i+len(", RequestId: "):])
	s = s[:i]
	// "PUT <url>: 503 SlowDown(Message: <msg>": the last "(Message: "
	// that follows a status and a code.
	var rest string
	for k := strings.LastIndex(s, "(Message: "); k >= 0; k = strings.LastIndex(s[:k], "(Message: ") {
		head := s[:k]
		j := strings.LastIndex(head, ": ")
		if j < 0 {
			return e, false
		}
		statusText, code, found := strings.Cut(head[j+2:], " ")
		n, err := strconv.Atoi(statusText)
		if !found || err != nil || len(statusText) != 3 || n < 300 || strings.ContainsAny(code, " (") {
			continue
		}
		e.Status, e.Code, e.Message, rest = n, code, s[k+len("(Message: "):], head[:j]
		break
	}
	if e.Status == 0 {
		return e, false
	}
	all := requestStart.FindAllStringSubmatchIndex(rest, -1)
	if all == nil {
		return e, false
	}
	loc := all[len(all)-1] // the last request: the one this error is of
	e.Method, e.URL = rest[loc[2]:loc[3]], rest[loc[3]+1:]
	return e, true
}
