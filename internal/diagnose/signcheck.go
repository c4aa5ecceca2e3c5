package diagnose

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// auth is what a request's COS signature says about itself: never the
// signature or the SecretId, which are secrets.
type auth struct {
	found    bool
	signTime string   // q-sign-time, "start;end" in Unix seconds
	keyTime  string   // q-key-time
	headers  []string // q-header-list, lowercased
	params   []string // q-url-param-list, lowercased
}

// requestAuth reads the signature of r: the Authorization header, else
// the q-* parameters of a presigned URL, else its sign parameter.
func requestAuth(r *Request) auth {
	if r == nil {
		return auth{}
	}
	var raw string
	if r.Header != nil {
		raw = r.Header.Get("Authorization")
	}
	if raw == "" && r.URL != nil {
		q := r.URL.Query()
		switch {
		case q.Get("q-sign-algorithm") != "" || q.Get("q-sign-time") != "":
			raw = r.URL.RawQuery
		case q.Get("sign") != "":
			raw = q.Get("sign")
		}
	}
	if !strings.Contains(raw, "q-sign-time=") && !strings.Contains(raw, "q-key-time=") {
		return auth{}
	}
	a := auth{found: true}
	for kv := range strings.SplitSeq(raw, "&") {
		k, v, _ := strings.Cut(kv, "=")
		if dv, err := url.QueryUnescape(v); err == nil {
			v = dv
		}
		switch strings.ToLower(k) {
		case "q-sign-time":
			a.signTime = v
		case "q-key-time":
			a.keyTime = v
		case "q-header-list":
			a.headers = splitList(v)
		case "q-url-param-list":
			a.params = splitList(v)
		}
	}
	return a
}

// splitList splits a q-header-list or q-url-param-list.
func splitList(v string) []string {
	var out []string
	for s := range strings.SplitSeq(strings.ToLower(v), ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// secretField reports whether a signed parameter or header holds a
// secret whose value a report must not show.
func secretField(k string) bool {
	k = strings.ToLower(k)
	return k == "authorization" || k == "sign" || strings.Contains(k, "token") ||
		strings.Contains(k, "signature") || k == "q-ak" || strings.Contains(k, "secret")
}

// signatureFindings compares the FormatString COS computed (sent in the
// body of a SignatureDoesNotMatch) with the one the request was signed
// with, rebuilt from the request, and checks the body's own hash.
func signatureFindings(in *Input) []string {
	var out []string
	server, haveServer := splitFormatString(in.Elements["FormatString"])
	keyTime, hash, haveSTS := stringToSign(in.Elements["StringToSign"])
	if haveServer && haveSTS {
		if got := sha1Hex(joinFormatString(server)); got != hash {
			out = append(out, fmt.Sprintf("sha1(FormatString) of COS's own FormatString is %s, but its StringToSign has %s: the body was changed on the way or cut when copied", got, hash))
		}
	}
	a := requestAuth(in.Request)
	client, haveClient := clientFormatString(in.Request, a)
	switch {
	case haveServer && haveClient:
		if d := firstDifference(server, client, a); d != "" {
			out = append(out, d)
			if haveSTS {
				out = append(out, fmt.Sprintf("sha1(FormatString): COS %s, the request %s", hash, sha1Hex(joinFormatString(client))))
			}
		} else {
			s := "the request's FormatString is the one COS computed, so the difference is in the key: the SecretKey does not belong to the SecretId, or was changed"
			if haveSTS && a.keyTime != "" && keyTime != "" && keyTime != a.keyTime {
				s = fmt.Sprintf("q-key-time: COS signed %q, the request %q", keyTime, a.keyTime)
			}
			out = append(out, s)
		}
	case haveServer && in.Request != nil && in.Request.URL != nil && in.Request.URL.Path != "":
		// The request without its signature (signed further down, by an SDK): its path still tells.
		if p := in.Request.URL.Path; p != server[fieldPath] {
			out = append(out, pathDifference(server[fieldPath], p))
		} else {
			out = append(out, fmt.Sprintf("COS signed the path the request names, %q: the key's encoding is not the cause; "+
				"the difference is in the signed parameters or headers, or in the SecretKey", p))
		}
	case haveServer:
		if d := resourcePathFinding(in, server[fieldPath]); d != "" {
			out = append(out, d)
		}
	case haveClient:
		out = append(out, ownSignatureFindings(client, a, in.Request)...)
	}
	if haveServer || haveClient {
		if s := strictFinding(server, haveServer, a, in.Request); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// firstDifference names the first field in which the FormatString COS
// computed differs from the request's, both sides shown but for secrets.
func firstDifference(server, client [4]string, a auth) string {
	if server[fieldMethod] != client[fieldMethod] {
		return fmt.Sprintf("the method: COS signed %q, the request %q", server[fieldMethod], client[fieldMethod])
	}
	if server[fieldPath] != client[fieldPath] {
		return pathDifference(server[fieldPath], client[fieldPath])
	}
	if d := pairDifference("parameter", pairs(server[fieldParams]), pairs(client[fieldParams])); d != "" {
		return d
	}
	return pairDifference("header", pairs(server[fieldHeaders]), pairs(client[fieldHeaders]))
}

// pathDifference says how the path COS signed differs from the request's.
func pathDifference(server, client string) string {
	s := fmt.Sprintf("the path: COS signed %q, the request %q", server, client)
	switch {
	case strings.Contains(client, "+") && strings.ReplaceAll(client, "+", " ") == server:
		s += ": a '+' in the key was read as a space: send it as %2B"
	case unescapes(client) == server:
		s += ": the request signed the path still percent-encoded; sign the decoded key"
	case unescapes(server) == client:
		s += ": the key reached COS percent-encoded twice; encode it once"
	}
	return s
}

// unescapes is s percent-decoded, or s when it cannot be.
func unescapes(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// pairDifference names the first key, in sorted order, whose values differ
// between what COS signed and what the request signed.
func pairDifference(kind string, server, client []pair) string {
	keys := map[string]bool{}
	for _, p := range append(slices.Clone(server), client...) {
		keys[p.key] = true
	}
	sorted := slices.Sorted(func(yield func(string) bool) {
		for k := range keys {
			if !yield(k) {
				return
			}
		}
	})
	values := func(ps []pair, k string) []string {
		var vs []string
		for _, p := range ps {
			if p.key == k {
				vs = append(vs, p.value)
			}
		}
		return vs
	}
	for _, k := range sorted {
		sv, cv := values(server, k), values(client, k)
		if slices.Equal(sv, cv) {
			continue
		}
		switch {
		case cv == nil:
			return fmt.Sprintf("the %s %s: COS signed it, the request did not", kind, k)
		case sv == nil:
			return fmt.Sprintf("the %s %s: the request signed it, COS did not", kind, k)
		case secretField(k):
			return fmt.Sprintf("the %s %s differs between what COS signed and what the request signed (values not shown)", kind, k)
		}
		return fmt.Sprintf("the %s %s: COS signed %q, the request %q", kind, k, strings.Join(sv, ","), strings.Join(cv, ","))
	}
	return ""
}
