package gen_test

// The minimal catalog the schema tests cut and change.

import (
	"fmt"
	"maps"
	"strings"
	"testing"

	"github.com/cosgo/errcatalog/gen"
)

// minimal holds the pieces of a valid catalog in which every object has
// every key; the tests cut and change them. catalogWith puts them
// together with the eight other classes the status fallback needs and a
// first code, "!", which every other wire spelling sorts after and which
// sent_as refers to.
var minimal = map[string]string{
	"family": "  - name: COS\n    description: The XML API.",
	"source": "  - id: doc\n    url: https://example.com/doc\n    title: A page.",
	"class":  "  - name: NotFound\n    description: Nothing there.",
	"code": "  - code: no-such-key\n    name: NoSuchKey\n    aliases: [NoSuchKee]\n    status: [404, 400]\n    class: NotFound\n" +
		"    retryable: false\n    why: It fails the same way each time.\n    families: [COS]\n" +
		"    sent_as:\n      - code: \"!\"\n        message: NoSuchKey\n" +
		"    clock_skew: false\n    sources: [doc]\n    description: The key does not exist.",
}

const (
	otherClasses = "  - {name: Redirect, description: Elsewhere.}\n  - {name: BadRequest, description: Invalid.}\n" +
		"  - {name: Unauthenticated, description: Unknown caller.}\n  - {name: AccessDenied, description: Not allowed.}\n" +
		"  - {name: Conflict, description: The state forbids it.}\n  - {name: PreconditionFailed, description: Unmet.}\n" +
		"  - {name: Throttled, description: Slow down.}\n  - {name: Server, description: The service failed.}\n"
	firstCode = "  - code: \"!\"\n    name: Bang\n    status: 403\n    class: AccessDenied\n    retryable: false\n" +
		"    families: [COS]\n    sources: [doc]\n    description: Denied.\n"
)

// catalogWith is the minimal catalog with some of its pieces replaced.
func catalogWith(pieces map[string]string) []byte {
	return []byte(strings.Join(rootSections(pieces), ""))
}

// rootSections are the four sections of the minimal catalog, in order,
// with some of its pieces replaced.
func rootSections(pieces ...map[string]string) []string {
	p := maps.Clone(minimal)
	for _, pc := range pieces {
		maps.Copy(p, pc)
	}
	return []string{
		"families:\n" + p["family"] + "\n",
		"sources:\n" + p["source"] + "\n",
		"classes:\n" + p["class"] + "\n" + otherClasses,
		"codes:\n" + firstCode + p["code"] + "\n",
	}
}

func catalogOf(class, code string) []byte {
	return catalogWith(map[string]string{"class": class, "code": code})
}

// requiredByGen finds the keys gen requires of an object by leaving each
// out of the minimal catalog in turn and looking for gen's "missing key"
// error.
func requiredByGen(t *testing.T, what string, keys []string) []string {
	t.Helper()
	var req []string
	for _, k := range keys {
		var src []byte
		switch what {
		case "root":
			var b strings.Builder
			for _, section := range rootSections() {
				if !strings.HasPrefix(section, k+":") {
					b.WriteString(section)
				}
			}
			src = []byte(b.String())
		case "family", "source", "class", "code":
			src = catalogWith(map[string]string{what: dropKey(minimal[what], k)})
		case "sentAs":
			other := map[string]string{"code": "message: NoSuchKey", "message": `code: "!"`}[k]
			src = catalogWith(map[string]string{"code": edit(minimal["code"],
				"      - code: \"!\"\n        message: NoSuchKey", "      - "+other)})
		}
		_, err := gen.Load("t.yaml", src)
		if err != nil && strings.Contains(err.Error(), fmt.Sprintf("missing key %q", k)) {
			req = append(req, k)
		}
	}
	return sorted(req)
}

// dropKey removes a key, with the lines nested under it, from a list
// entry, which stays a list entry.
func dropKey(entry, key string) string {
	var out []string
	dropping := false
	for i, l := range strings.Split(entry, "\n") {
		body := strings.TrimPrefix(l, "    ")
		if i == 0 {
			body = strings.TrimPrefix(l, "  - ")
		}
		top := !strings.HasPrefix(body, " ")
		if top {
			dropping = strings.HasPrefix(body, key+":")
		}
		switch {
		case dropping:
		case top:
			out = append(out, "    "+body)
		default:
			out = append(out, l)
		}
	}
	out[0] = "  - " + strings.TrimPrefix(out[0], "    ")
	return strings.Join(out, "\n")
}

// entry is the minimal code entry with one key replaced or added: key
// "status" and value "600" give "status: 600"; an empty value drops it.
func entry(key, value string) string {
	e := dropKey(minimal["code"], key)
	if value == "" {
		return e
	}
	return e + "\n    " + key + ": " + value
}
