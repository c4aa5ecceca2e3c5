package diagnose

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Findings returns the facts read off the response and the request of in
// that bear on the error f describes, most telling first. The catalog's
// facts choose the checks (f.Checks, f.ClockSkew, the class Throttled);
// the response adds the signature's when it carries COS's FormatString,
// and a message naming a referer or CORS rule adds that rule's. They
// never show a secret.
func Findings(in *Input, f Facts) (out []string) {
	if in == nil {
		return nil
	}
	defer func() {
		for i, f := range out {
			out[i] = Scrub(f)
		}
	}()
	if in.Client != nil {
		out = clientFindings(in)
		return out
	}
	msg := normMessage(in.Message)
	if slices.Contains(f.Checks, CheckSignature) || in.Elements["FormatString"] != "" {
		out = append(out, signatureFindings(in)...)
	}
	if f.ClockSkew {
		out = append(out, clockFindings(in)...)
	}
	out = append(out, hostFindings(in)...)
	if f.Class == "Throttled" {
		out = append(out, throttleFindings(in)...)
	}
	switch {
	case strings.Contains(msg, "referer"):
		out = append(out, refererFinding(in))
	case slices.Contains(f.Checks, CheckCORS) || strings.Contains(msg, "cors"):
		out = append(out, originFinding(in))
	}
	out = append(out, ruledOutFindings(in, f)...)
	return out
}

// normMessage is a message compared without surrounding white space, a
// final period or case.
func normMessage(s string) string {
	return strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), "."))
}

// refererFinding names the Referer the request sent, for a hotlink rule.
func refererFinding(in *Input) string {
	ref := ""
	if in.Request != nil {
		ref = in.Request.Header.Get("Referer")
	}
	switch {
	case in.Request == nil || in.Request.Header == nil:
		return "the bucket's hotlink protection (referer rule) refused the request; its Referer is unknown here: compare the page's address with the rule's allow or deny list"
	case ref == "":
		return "the request sent no Referer: a referer allow list that does not allow an empty Referer refuses it"
	}
	return fmt.Sprintf("the request's Referer was %q: the bucket's referer rule does not allow it", shortURL(ref))
}

// originFinding names the Origin the request sent, for a CORS rule.
func originFinding(in *Input) string {
	if in.Request == nil || in.Request.Header == nil {
		return "a CORS rule of the bucket refused the request; its Origin is unknown here: compare it with the bucket's CORS rules"
	}
	origin := in.Request.Header.Get("Origin")
	if origin == "" {
		return "the request sent no Origin header, so no CORS rule of the bucket can match it"
	}
	s := fmt.Sprintf("the request's Origin was %q", shortURL(origin))
	if m := in.Request.Header.Get("Access-Control-Request-Method"); m != "" {
		s += fmt.Sprintf(" with Access-Control-Request-Method %q", m)
	}
	return s + ": no CORS rule of the bucket allows it (origin, method and headers must all match one rule)"
}

// shortURL is a URL without its query and fragment, which may hold
// tokens; text that is no URL comes back scrubbed.
func shortURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		return Scrub(s)
	}
	u.RawQuery, u.Fragment, u.User = "", "", nil
	return u.String()
}
