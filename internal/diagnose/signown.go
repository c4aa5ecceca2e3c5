package diagnose

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// resourcePathFinding compares the path COS signed with the path of the
// body's Resource (the object as the request named it), for a body read
// without its request.
func resourcePathFinding(in *Input, serverPath string) string {
	res := strings.TrimSpace(in.Resource)
	if res == "" {
		return ""
	}
	path := res
	if i := strings.IndexByte(res, '/'); i > 0 && !strings.HasPrefix(res, "/") {
		path = res[i:] // "bucket-appid.cos.region.myqcloud.com/key"
	}
	if u, err := url.Parse(path); err == nil && u.Host != "" {
		path = u.Path
	}
	if path == serverPath || !strings.HasPrefix(path, "/") {
		return ""
	}
	if strings.Contains(path, "+") && strings.ReplaceAll(path, "+", " ") == serverPath {
		return fmt.Sprintf("the path: COS signed %q for the key %q: a '+' in the key was read as a space: send it as %%2B", serverPath, path)
	}
	return ""
}

// ownSignatureFindings checks a request's signature on its own, when COS
// sent no FormatString to compare it with.
func ownSignatureFindings(client [4]string, a auth, r *Request) []string {
	var out []string
	if strings.Contains(client[fieldPath], "+") && r.URL != nil && !strings.Contains(r.URL.EscapedPath(), "%2B") {
		out = append(out, fmt.Sprintf("the path %q has a '+' sent as it is, which COS reads as a space: send it as %%2B", client[fieldPath]))
	}
	var missing []string
	for _, h := range a.headers {
		if headerValues(r, h) == nil && !(h == "host" && r.host() != "") {
			missing = append(missing, "header "+h)
		}
	}
	query := r.URL.Query()
	for _, p := range a.params {
		if !slices.ContainsFunc(mapKeys(query), func(k string) bool { return strings.EqualFold(k, p) }) {
			missing = append(missing, "parameter "+p)
		}
	}
	if len(missing) > 0 {
		out = append(out, fmt.Sprintf("the signature lists the %s, which the request did not send: something dropped it after signing, or the signer added it", strings.Join(missing, ", ")))
	}
	return out
}

// strictFinding names a bucket in strict signing mode: one that wants
// Content-Type and Content-Length signed when the request's q-header-list
// leaves them out.
func strictFinding(server [4]string, haveServer bool, a auth, r *Request) string {
	if !a.found {
		return ""
	}
	var want []string
	for _, h := range []string{"content-length", "content-type"} {
		if slices.Contains(a.headers, h) {
			continue
		}
		switch {
		case haveServer && slices.ContainsFunc(pairs(server[fieldHeaders]), func(p pair) bool { return p.key == h }):
			want = append(want, h)
		case !haveServer && r != nil && headerValues(r, h) != nil:
			want = append(want, h)
		}
	}
	if len(want) == 0 {
		return ""
	}
	if haveServer {
		return fmt.Sprintf("COS signed %s although q-header-list leaves it out: the bucket is in strict signing mode; sign Content-Type and Content-Length", strings.Join(want, " and "))
	}
	return fmt.Sprintf("q-header-list leaves out %s, which the request sends: a bucket in strict signing mode wants Content-Type and Content-Length signed", strings.Join(want, " and "))
}

// mapKeys lists the keys of a query.
func mapKeys(q url.Values) []string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	return keys
}
