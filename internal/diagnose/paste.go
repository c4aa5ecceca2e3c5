package diagnose

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ParseText reads what a person pastes about a failed COS request and
// returns what it says: an XML or JSON error body; a coserr error line
// ("cos: 404 NoSuchKey: ... (request id ...)"); the Python SDK's
// CosServiceError text (the body, or its digest dict); cos-go-sdk-v5's
// ErrorResponse text ("GET URL: 404 NoSuchKey(Message: ..., RequestId:
// ..., TraceId: ...)", the last attempt of a RetryError); an aws-sdk-go-v2
// error ("operation error S3: GetObject, https response error StatusCode:
// 404, RequestID: ..., api error NoSuchKey: ..."); a minio-go
// ErrorResponse printed with %#v (or a copy of its fields with %+v); the
// Java or Android SDK's service exception; a Node.js SDK error object; a
// status line or a proxy's HTML page; a client error's text; or a log
// line that quotes one of them. A code an SDK made up for a response
// without one is cleared (madeUpCode, minioMadeUp). The first http or
// https URL in the text is taken for the request's. ok is false when the
// text holds none of them. A bare message, such as minio-go's Error text,
// comes back as the Message of an Input without code, for the caller to
// match against the catalog.
func ParseText(text string) (in *Input, ok bool) {
	text = strings.TrimPrefix(text, "\ufeff")
	in = &Input{Request: textRequest(text)}
	switch {
	case parseXML(text, in), parseAWS(text, in), parseCOSv5(text, in), parseJava(text, in), parseCoserr(text, in), parseFields(text, in):
		if in.Code == "" && in.Status == 0 && in.RequestID == "" && in.Message == "" {
			break
		}
		in.Errors = max(in.Errors, 1)
		minioMadeUp(text, in)
		madeUpCode(in)
		if t, ok := parseTime(in.Elements["ServerTime"]); ok {
			in.ServerTime = t
		}
		return in, true
	}
	if c := parseClient(text, in.Request); c != nil {
		return &Input{Client: c}, true
	}
	if parseStatusLine(text, in) {
		in.IDHidden = true
		return in, true
	}
	if msg := strings.TrimSpace(text); msg != "" && !strings.Contains(msg, "\n") && len(msg) < 512 {
		return &Input{Message: msg, Request: in.Request, IDHidden: true}, true
	}
	return nil, false
}

// unescapeQuoted undoes the escapes of a body quoted in a JSON string or
// a log line: \n, \t, \r, \", \/ and \\.
func unescapeQuoted(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return strings.NewReplacer(`\n`, "\n", `\t`, "\t", `\r`, "\r", `\"`, `"`, `\/`, "/", `\\`, `\`).Replace(s)
}

// parseXML reads the first <Error> (or CI <Response>) document in text.
func parseXML(text string, in *Input) bool {
	start := strings.Index(text, "<Error>")
	end := strings.LastIndex(text, "</Error>")
	if start < 0 || end < start {
		start, end = strings.Index(text, "<Response>"), strings.LastIndex(text, "</Response>")
		if start < 0 || end < start || !strings.Contains(text[start:end], "<Code>") {
			return false
		}
		in.StatusUnknown = true // CI sends it inside a 200
	}
	in.Errors = strings.Count(text, text[start:start+strings.IndexByte(text[start:], '>')+1])
	doc := unescapeQuoted(text[start:])
	dec := xml.NewDecoder(strings.NewReader(doc))
	dec.Strict = false
	depth, name, value := 0, "", ""
	in.Elements = map[string]string{}
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 {
				name, value = t.Name.Local, ""
			}
		case xml.CharData:
			if depth == 2 {
				value += string(t)
			}
		case xml.EndElement:
			if depth == 2 {
				if _, dup := in.Elements[name]; !dup {
					in.Elements[name] = value
				}
			}
			depth--
		}
		if depth == 0 && len(in.Elements) > 0 {
			break
		}
	}
	for k, v := range in.Elements {
		setField(in, k, v)
	}
	return len(in.Elements) > 0
}

// setField sets the Input field a body element or a printed field names.
func setField(in *Input, key, value string) {
	v := strings.TrimSpace(value)
	switch normKey(key) {
	case "code", "errorcode", "xcoserrorcode":
		if in.Code == "" {
			in.Code = v
		}
	case "message", "msg", "errormessage", "errormsg":
		if in.Message == "" {
			in.Message = value
		}
	case "resource":
		in.Resource = v
	case "requestid", "xcosrequestid", "xcirequestid":
		if in.RequestID == "" {
			in.RequestID = v
		}
	case "traceid", "xcostraceid", "xcitraceid":
		if in.TraceID == "" {
			in.TraceID = v
		}
	case "status", "statuscode", "httpstatus", "httpstatuscode", "statuscodeint":
		if n, err := strconv.Atoi(v); err == nil && n >= 100 && n < 600 && in.Status == 0 {
			in.Status = n
		}
	}
}

// normKey is a field name compared without case, '-' or '_'.
func normKey(k string) string {
	return strings.ToLower(strings.NewReplacer("-", "", "_", "").Replace(k))
}

// awsError matches aws-sdk-go-v2's text for an error response;
// awsResponse its start alone, for a response whose body the SDK could
// not read ("error while deserializing xml error response ...": a
// proxy's HTML page), which says no code and no message of COS's.
var (
	awsError    = regexp.MustCompile(`https response error StatusCode: (\d{3}), RequestID: ([^,]*), HostID: ([^,]*), (?:api error )?([A-Za-z0-9._-]+): ?(.*)`)
	awsResponse = regexp.MustCompile(`https response error StatusCode: ([1-5]\d\d), RequestID: ([^,]*), HostID: `)
)

// parseAWS reads an aws-sdk-go-v2 error text.
func parseAWS(text string, in *Input) bool {
	m := awsError.FindStringSubmatch(text)
	if m == nil {
		if m = awsResponse.FindStringSubmatch(text); m == nil {
			return false
		}
		in.Status, _ = strconv.Atoi(m[1])
		in.RequestID = strings.TrimSpace(m[2])
		in.Errors = len(awsResponse.FindAllStringIndex(text, -1))
		return true
	}
	in.Errors = len(awsResponse.FindAllStringIndex(text, -1))
	in.Status, _ = strconv.Atoi(m[1])
	in.RequestID = strings.TrimSpace(m[2])
	in.Code, in.Message = m[4], strings.TrimSpace(m[5])
	if in.Code == strings.ReplaceAll(http.StatusText(in.Status), " ", "") {
		in.Code = "" // the SDK names a bodiless response by its status: NotFound, Forbidden
		if in.Message == http.StatusText(in.Status) {
			in.Message = ""
		}
	}
	return true
}

// parseCOSv5 reads a cos-go-sdk-v5 error text (ParseCOSv5Error); of a
// RetryError's attempts, joined with "; ", the last.
func parseCOSv5(text string, in *Input) bool {
	i := strings.LastIndex(text, ", TraceId: ")
	if i < 0 {
		return false
	}
	end := strings.IndexByte(text[i:], ')')
	if end < 0 {
		return false
	}
	e, ok := ParseCOSv5Error(text[:i+end+1])
	if !ok {
		return false
	}
	in.Status, in.Code, in.Message, in.RequestID, in.TraceID = e.Status, e.Code, e.Message, e.RequestID, e.TraceID
	in.Errors, in.LastError = strings.Count(text, ", TraceId: "), true
	return true
}

// coserrLine matches the text of a coserr.ServiceError.
var coserrLine = regexp.MustCompile(`cos: (\d{3}) (.*)`)

// parseCoserr reads a coserr ServiceError's text.
func parseCoserr(text string, in *Input) bool {
	loc := coserrLine.FindStringSubmatchIndex(text)
	if loc == nil {
		return false
	}
	in.Status, _ = strconv.Atoi(text[loc[2]:loc[3]])
	in.Errors = len(coserrLine.FindAllStringIndex(text, -1))
	rest := text[loc[4]:loc[5]]
	if i := loc[0]; i > 0 && (text[i-1] == '"' || text[i-1] == '\'') {
		// quoted in a log line: the error runs to the closing quote
		if v, ok := fieldValue(text[i-1:]); ok {
			rest = strings.TrimPrefix(v, text[loc[0]:loc[4]])
		}
	}
	rest = strings.TrimRight(rest, " \t\r")
	if i := strings.LastIndex(rest, " (request id "); i >= 0 && strings.HasSuffix(strings.TrimSpace(rest), ")") {
		in.RequestID = strings.TrimSuffix(strings.TrimSpace(rest[i+len(" (request id "):]), ")")
		rest = rest[:i]
	}
	if st := http.StatusText(in.Status); st != "" && (rest == st || strings.HasPrefix(rest, st+": ")) {
		rest = strings.TrimPrefix(rest[len(st):], ": ")
		in.Message = rest
		return true
	}
	code, msg, _ := strings.Cut(rest, ": ")
	in.Code, in.Message = strings.TrimSpace(code), msg
	return true
}

// textRequest is the request named by the first http or https URL in
// text, with the method written before it, if any.
func textRequest(text string) *Request {
	loc := urlPattern.FindStringIndex(text)
	if loc == nil {
		return nil
	}
	raw := jsonEscapes.Replace(strings.TrimRight(text[loc[0]:loc[1]], ".,;:'\")]>"))
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil
	}
	r := &Request{URL: u}
	before := strings.Fields(strings.TrimRight(text[:loc[0]], `"'(`)) // Post "https://...": net/http's form
	if n := len(before); n > 0 {
		switch m := strings.ToUpper(strings.Trim(before[n-1], `"'(:`)); m {
		case "GET", "PUT", "POST", "HEAD", "DELETE", "OPTIONS", "PATCH":
			r.Method = m
		}
	}
	return r
}

// jsonEscapes undoes the escapes JSON writers (Go's encoding/json and
// log/slog among them) put in a URL: \u0026 for '&', \u003c and \u003e,
// \/ for '/'.
var jsonEscapes = strings.NewReplacer(`\u0026`, "&", `\u003c`, "<", `\u003e`, ">", `\u003d`, "=", `\/`, "/")

// urlPattern finds a URL in free text.
var urlPattern = regexp.MustCompile(`https?://[^\s"'<>]+`)

// parseTime reads a time in RFC 3339 or as an HTTP date.
func parseTime(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return t, true
	}
	return time.Time{}, false
}
