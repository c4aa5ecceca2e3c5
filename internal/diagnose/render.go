package diagnose

import (
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"
)

// A Report is everything a diagnosis report shows.
type Report struct {
	Facts             // the catalog's facts; Hints most likely first
	Input    *Input   // the error and request; may be nil
	Findings []string // from Findings
}

// String renders the report a person reads at 3 a.m., in this order:
// the code, what it means and whether to retry; the findings; the hints,
// most likely first; the request id and where to paste it in Tencent's
// diagnosis tool. Every line is scrubbed of secrets.
func (r *Report) String() string {
	if r == nil {
		return ""
	}
	in := r.Input
	if in == nil {
		in = &Input{}
	}
	var b strings.Builder
	r.headline(&b, in)
	if len(r.Findings) > 0 {
		b.WriteString("\nFindings:\n")
		for _, f := range r.Findings {
			fmt.Fprintf(&b, "  - %s\n", f)
		}
	}
	if len(r.Hints) > 0 {
		b.WriteString("\nLikely causes, most likely first:\n")
		for i, h := range r.Hints {
			fmt.Fprintf(&b, "  %d. %s\n     Fix: %s\n", i+1, h.Cause, h.Fix)
		}
	}
	b.WriteString("\n")
	switch {
	case in.RequestID != "":
		fmt.Fprintf(&b, "Request id: %s\n", in.RequestID)
		if in.TraceID != "" {
			fmt.Fprintf(&b, "Trace id:   %s\n", in.TraceID)
		}
		fmt.Fprintf(&b, "Paste the request id into Tencent's diagnosis tool, %s,\nor quote it to Tencent Cloud support.\n", ToolURL)
	case in.Client != nil:
		b.WriteString("No request id: the request got no answer from COS, so Tencent's diagnosis tool has nothing to look up.\n")
	case in.IDHidden:
		fmt.Fprintf(&b, "No request id in the input: this text never shows one. The response's x-cos-request-id header has it, if COS answered;\nwith it, Tencent's diagnosis tool at %s looks the request up.\n", ToolURL)
	default:
		fmt.Fprintf(&b, "No request id: the response carried none (no RequestId, no x-cos-request-id), so it may not come from COS\n(a proxy or gateway). With a request id, Tencent's diagnosis tool at %s looks the request up.\n", ToolURL)
	}
	return Scrub(b.String())
}

// headline writes the code, its meaning and the retry decision.
func (r *Report) headline(b *strings.Builder, in *Input) {
	if in.Client != nil {
		b.WriteString("Client error")
		if in.Client.Op != "" || in.Client.URL != "" {
			fmt.Fprintf(b, " (%s)", strings.TrimSpace(in.Client.Op+" "+in.Client.URL))
		}
		b.WriteString(": the request got no answer from COS.\n")
		retry := "no"
		if in.Client.Retryable {
			retry = "yes, with backoff"
		}
		fmt.Fprintf(b, "Retry: %s.\n", retry)
		return
	}
	name := r.Code
	switch {
	case name == "" && in.Code != "":
		name = in.Code + " (not in the catalog)"
	case name == "":
		name = "no error code"
		if t := http.StatusText(in.Status); t != "" {
			name += " (" + t + ")"
		}
	case in.Code != "" && in.Code != r.Code:
		name += fmt.Sprintf(" (sent as %s: %q)", in.Code, strings.TrimSpace(in.Message))
	}
	b.WriteString(name)
	var tags []string
	if in.Status != 0 {
		tags = append(tags, fmt.Sprintf("HTTP %d", in.Status))
	}
	if r.Class != "" {
		tags = append(tags, "class "+r.Class)
	}
	if len(tags) > 0 {
		fmt.Fprintf(b, " [%s]", strings.Join(tags, ", "))
	}
	b.WriteString("\n")
	meaning := r.Description
	if meaning == "" {
		meaning = r.ClassText
	}
	if meaning != "" {
		fmt.Fprintf(b, "  %s\n", meaning)
	}
	if msg := strings.TrimSpace(in.Message); msg != "" && !(in.Code != r.Code && r.Code != "") {
		fmt.Fprintf(b, "  COS said: %q\n", oneLine(msg, 300))
	}
	if r.Code == "" && r.Class == "" {
		b.WriteString("Retry: unknown: neither a known error code nor an HTTP status says; coserr treats it as not retryable.\n")
		return
	}
	fmt.Fprintf(b, "Retry: %s.\n", yesNo(r.Retryable))
}

// yesNo spells a retry decision.
func yesNo(retry bool) string {
	if retry {
		return "yes, with backoff"
	}
	return "no, the same request fails the same way"
}

// oneLine puts s on one line, at most n bytes of it.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n] + "…"
	}
	return s
}
