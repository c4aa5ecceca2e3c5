package diagnose

import (
	"cmp"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// fieldKey finds a field name followed by ':' or '=' in printed data: a
// JSON member, a Python dict's key, a Go struct printed with %v or %#v,
// a log's key=value.
var fieldKey = regexp.MustCompile(`(?i)["']?\b(code|error_?code|x-cos-error-code|message|msg|error_?message|resource|request_?id|x-cos-request-id|trace_?id|x-cos-trace-id|status|status_?code|http_?status(?:_?code)?|server_?time)["']?\s*[:=]\s*`)

// Bounds that keep a hostile paste cheap: the fields read, and the bytes
// a value may run to (a body quoted in a log line fits).
const (
	maxFields = 64
	maxValue  = 64 << 10
)

// nextField finds where the next field of a printed struct or a log
// line begins: " Name:" or " err.name=".
var nextField = regexp.MustCompile(`\s[A-Za-z][A-Za-z0-9_.-]*[:=]`)

// parseFields reads the fields of an error printed as JSON, a Python
// dict, a Go struct or key=value pairs.
func parseFields(text string, in *Input) bool {
	found := false
	locs := fieldKey.FindAllStringSubmatchIndex(text, maxFields)
	// A log's own msg is read last: the error's message comes first.
	slices.SortStableFunc(locs, func(a, b []int) int {
		return cmp.Compare(isMsg(text[a[2]:a[3]]), isMsg(text[b[2]:b[3]]))
	})
	for _, loc := range locs {
		key := text[loc[2]:loc[3]]
		value, ok := fieldValue(text[loc[1]:])
		if !ok {
			continue
		}
		setField(in, key, value)
		if strings.EqualFold(normKey(key), "servertime") {
			if in.Elements == nil {
				in.Elements = map[string]string{}
			}
			in.Elements["ServerTime"] = value
		}
		found = true
	}
	return found && (in.Code != "" || in.RequestID != "")
}

// fieldValue reads the value at the start of s: a quoted string (with
// its escapes undone), else the text up to ',', '}', a line's end or the
// next printed field.
func fieldValue(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	s = s[:min(len(s), maxValue)]
	if q := s[0]; q == '"' || q == '\'' {
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case q:
				return unescapeQuoted(s[1:i]), true
			}
		}
		return "", false
	}
	end := len(s)
	if i := strings.IndexAny(s, ",}\n&"); i >= 0 {
		end = i
	}
	if loc := nextField.FindStringIndex(s[:end]); loc != nil {
		end = loc[0]
	}
	v := strings.TrimSpace(s[:end])
	if v == "" || v == "null" || v == "None" {
		return "", false
	}
	if u, err := url.QueryUnescape(v); err == nil && strings.Contains(v, "%") {
		v = u
	}
	return v, true
}

// clientLine matches a coserr ClientError's text: "cos: GET URL: cause".
var clientLine = regexp.MustCompile(`cos: (GET|PUT|POST|HEAD|DELETE|OPTIONS|PATCH) (\S+): (.*)`)

// parseClient reads a failure on the client's side from its text.
func parseClient(text string, r *Request) *ClientFailure {
	c := &ClientFailure{Text: strings.TrimSpace(text)}
	if m := clientLine.FindStringSubmatch(text); m != nil {
		c.Op, c.URL, c.Text = m[1], m[2], m[3]
	} else if r != nil && r.URL != nil {
		c.Op, c.URL = r.Method, r.URL.String()
	}
	c.Kind, c.Temporary = ClassifyText(c.Text)
	if c.Kind == KindOther {
		return nil
	}
	c.Retryable = RetryableKind(c.Kind, c.Temporary)
	if c.Retryable && IsAppend(cmp.Or(c.Op, "POST"), c.URL) &&
		c.Kind != KindDNS && c.Kind != KindRefused {
		c.Retryable = false // an append (or, method unknown, maybe one) cut off after it was sent may have been applied
	}
	c.URL = Scrub(c.URL)
	return c
}

// isMsg is 1 for a log's msg key, 0 for any other.
func isMsg(key string) int {
	if strings.EqualFold(key, "msg") {
		return 1
	}
	return 0
}
