package diagnose

import (
	"encoding/base64"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// javaError matches the text of the COS Java SDK's CosServiceException,
// "<message> (Status Code: 403; Error Code: <code>; Request ID: <id>);
// Trace ID: <id>" (the trace id also inside the parentheses), and of the
// Android SDK's CosXmlServiceException, "<message> (Service: CosXml;
// Status Code: 404; Status Message: Not Found; Error Code: <code>;
// Request ID: <id>)"; the AWS SDK for Java's AmazonS3Exception has the
// same form, with "; S3 Extended Request ID: <id>; Proxy: <host>" after
// the request id.
var javaError = regexp.MustCompile(`\((?:Service: [^;()]*; )?Status Code: (\d{3}); (?:Status Message: [^;()]*; )?Error Code: ([^;()]*); Request ID: ([^;()]*?)(?:; Trace ID: ([^;()\s]*))?(?:; S3 Extended Request ID: [^;()]*)?(?:; Proxy: [^;()]*)?\)(?:; Trace ID: ([^;()\s]*))?`)

// parseJava reads a Java or Android SDK service exception's text.
func parseJava(text string, in *Input) bool {
	loc := javaError.FindStringSubmatchIndex(text)
	if loc == nil {
		return false
	}
	group := func(i int) string {
		if loc[2*i] < 0 {
			return ""
		}
		return nullless(text[loc[2*i]:loc[2*i+1]])
	}
	in.Errors = len(javaError.FindAllStringIndex(text, -1))
	in.Status, _ = strconv.Atoi(group(1))
	in.Code, in.RequestID = group(2), group(3)
	in.TraceID = group(4)
	if in.TraceID == "" {
		in.TraceID = group(5)
	}
	msg := text[:loc[0]]
	if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
		msg = msg[i+1:]
	}
	for _, sep := range []string{"Exception: ", "Exception{"} {
		if i := strings.LastIndex(msg, sep); i >= 0 {
			msg = msg[i+len(sep):]
		}
	}
	in.Message = strings.TrimSpace(msg)
	return true
}

// nullless is a printed field's value, "" for Java's null.
func nullless(v string) string {
	v = strings.TrimSpace(v)
	if v == "null" {
		return ""
	}
	return v
}

// madeUpCode clears a code an SDK made up for a response without one
// (a HEAD's, a proxy's): the Java SDK's "404 Not Found", the Node.js
// SDK's "404" with the status text for message, and the Python SDK's
// NoSuchResource for a HEAD 404. COS sent no code, so the report is the
// status's, as coserr.Diagnose gives it for the same response.
func madeUpCode(in *Input) {
	text := http.StatusText(in.Status)
	switch {
	case in.Code == "NoSuchResource" && normMessage(in.Message) == "the resource you head not exist":
		in.Code, in.Message = "", ""
		if in.Status == 0 {
			in.Status = http.StatusNotFound
		}
	case in.Status == 0 || text == "":
	case in.Code == strconv.Itoa(in.Status)+" "+text,
		in.Code == strconv.Itoa(in.Status) && (in.Message == "" || strings.EqualFold(in.Message, text)):
		in.Code = ""
		if strings.EqualFold(in.Message, text) {
			in.Message = ""
		}
	}
}

// statusLine matches a text that is only an HTTP status line, "503
// Service Unavailable": minio-go's error text for a response without a
// body it has a message for.
var statusLine = regexp.MustCompile(`^(?:HTTP/[0-9.]+ )?([1-5][0-9][0-9]) ([A-Za-z][A-Za-z' -]*)$`)

// htmlTitle finds the title of an HTML page, where a proxy's error page
// ("<title>502 Bad Gateway</title>") names its status.
var htmlTitle = regexp.MustCompile(`(?i)<title>\s*([^<]{1,80}?)\s*</title>`)

// parseStatusLine reads a text that is only a status line, or an HTML
// page titled with one.
func parseStatusLine(text string, in *Input) bool {
	if m := htmlTitle.FindStringSubmatch(text); m != nil {
		text = m[1]
	}
	m := statusLine.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return false
	}
	n, _ := strconv.Atoi(m[1])
	if n < 300 || !strings.EqualFold(http.StatusText(n), m[2]) {
		return false
	}
	in.Status = n
	return true
}

// minioNoBody matches a minio-go ErrorResponse printed with %#v or %+v
// whose XMLName is empty: no XML body was read, so its Code and Message
// are minio-go's own, made up from the status (NoSuchKey for any HEAD
// 404, whether the key or the bucket is missing).
var minioNoBody = regexp.MustCompile(`XMLName:(?:xml\.Name)?\{Space:(?:"")?,? Local:(?:"")?\}`)

// minioMadeUp clears the code and message of such an ErrorResponse.
func minioMadeUp(text string, in *Input) {
	if minioNoBody.MatchString(text) {
		in.Code, in.Message = "", ""
	}
}

// IsRequestID reports whether s is a COS request id and nothing else:
// base64 of hex fields joined by '_' ("NjA0NGFjMmFf..." is
// "6044ac2a_e5b92a09_...").
func IsRequestID(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 12 || len(s) > 200 {
		return false
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(s, "="))
	}
	if err != nil || !strings.Contains(string(b), "_") {
		return false
	}
	for _, c := range string(b) {
		if !(c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
