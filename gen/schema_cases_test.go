package gen_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
)

// schemaCase is a catalog that gen and the schema must both accept or
// both refuse.
type schemaCase struct {
	name  string
	src   []byte
	valid bool // for gen, and so for the schema
}

// family, source and sentAs return the minimal catalog with that piece
// replaced; sentAs replaces the sent_as entry of the minimal code.
func family(f string) []byte { return catalogWith(map[string]string{"family": f}) }
func source(s string) []byte { return catalogWith(map[string]string{"source": s}) }
func sentAs(lines string) []byte {
	return catalogOf(minimal["class"], entry("sent_as", "\n"+lines))
}

// schemaCases are odd but valid catalogs and invalid ones, one per rule a
// schema can see; the classes, codes and texts of the first catalog
// schema, then families, sources and the keys that came with them.
var schemaCases = func() []schemaCase {
	cls, code := minimal["class"], minimal["code"]
	fam, src := minimal["family"], minimal["source"]
	noCodes := "families: []\nsources: []\nclasses:\n" + cls + "\n" + otherClasses + "codes: []\n"
	return []schemaCase{
		{"minimal", catalogWith(nil), true},
		{"no codes", []byte(noCodes), true},
		{"code only, no name", catalogOf(cls, "  - code: NoSuchKey\n    status: 404\n    class: NotFound\n    retryable: false\n    families: [COS]\n    sources: [doc]\n    description: Gone."), true},
		{"no aliases key", catalogOf(cls, entry("aliases", "")), true},
		{"empty aliases", catalogOf(cls, entry("aliases", "[]")), true},
		{"one status", catalogOf(cls, entry("status", "599")), true},
		{"lowest status", catalogOf(cls, entry("status", "300")), true},
		{"no documented status", catalogOf(cls, entry("status", "[]")), true},
		{"numeric wire code with a name", catalogOf(cls, strings.Replace(code, "code: no-such-key", "code: 404", 1)), true},
		{"reserved wire code with a name", catalogOf(cls, strings.Replace(code, "code: no-such-key", "code: Lookup", 1)), true},
		{"unicode identifier", catalogOf(cls, entry("name", "Ñame_2")), true},
		{"numeric description", catalogOf(cls, entry("description", "42")), true},
		{"quoted description", catalogOf(cls, entry("description", `" x "`)), true},
		{"description with tabs and line breaks", catalogOf(cls, entry("description", `"a\tb\nc\u00a0d\x85e"`)), true},
		{"description in Chinese", catalogOf(cls, entry("description", "指定的存储桶不存在。")), true},
		{"wire spelling with inner spaces and symbols", catalogOf(cls, strings.Replace(code, "code: no-such-key", `code: "No Such.Key_(1)!~{}[]"`, 1)), true},
		{"alias with punctuation", catalogOf(cls, entry("aliases", `["a-b.c", "x:y"]`)), true},
		{"no why", catalogOf(cls, entry("why", "")), true},
		{"retryable with a why", catalogOf(cls, entry("retryable", "true")), true},
		{"503 with a why", catalogOf(cls, entry("status", "[404, 503]")), true},
		{"why in a one-line block", catalogOf(cls, entry("why", "|\n      a reason")), true},
		{"no sent_as", catalogOf(cls, entry("sent_as", "")), true},
		{"empty sent_as", catalogOf(cls, entry("sent_as", "[]")), true},
		{"sent_as message with space around and inside", sentAs("      - code: \"!\"\n        message: \"  No\u00a0Such Key\\t\""), true},
		{"sent_as message in Chinese", sentAs("      - code: \"!\"\n        message: 请求已过期"), true},
		{"clock skew", catalogOf(cls, entry("clock_skew", "true")), true},
		{"two families", catalogWith(map[string]string{"family": fam + "\n  - name: CI2\n    description: More.", "code": entry("families", "[COS, CI2]")}), true},
		{"source id with digits", catalogWith(map[string]string{"source": src + "\n  - id: cos-api-7730\n    url: https://example.com/7730\n    title: T.", "code": entry("sources", "[doc, cos-api-7730]")}), true},
		{"url with a query, a fragment and a port", source(strings.Replace(src, "https://example.com/doc", "http://example.com:8080/a_b~c?d=e&f=(g)#h", 1)), true},

		{"root is a list", []byte("- classes\n- codes\n"), false},
		{"unknown root key", append(catalogWith(nil), "extra: 1\n"...), false},
		{"no families", catalogWith(nil)[len("families:\n"+fam+"\n"):], false},
		{"no classes", []byte("families: []\nsources: []\ncodes: []\n"), false},
		{"no codes key", []byte(noCodes[:strings.Index(noCodes, "codes:")]), false},
		{"classes not a list", []byte("families: []\nsources: []\nclasses: {}\ncodes: []\n"), false},
		{"classes null", []byte("families: []\nsources: []\nclasses:\ncodes: []\n"), false},
		{"a fallback class missing", []byte(strings.Replace(noCodes, "  - {name: Throttled, description: Slow down.}\n", "", 1)), false},
		{"codes a mapping", []byte(strings.Replace(noCodes, "codes: []", "codes: {a: 1}", 1)), false},
		{"class entry a string", catalogOf("  - NotFound", code), false},
		{"unknown class key", catalogOf(cls+"\n    color: red", code), false},
		{"class without name", catalogOf(dropKey(cls, "name"), code), false},
		{"class without description", catalogOf(dropKey(cls, "description"), code), false},
		{"class name lower case", catalogOf(strings.Replace(cls, "NotFound", "notFound", 1), code), false},
		{"class name with a dash", catalogOf(strings.Replace(cls, "NotFound", "Not-Found", 1), code), false},
		{"class description empty", catalogOf(strings.Replace(cls, "Nothing there.", `""`, 1), code), false},
		{"class description blank", catalogOf(strings.Replace(cls, "Nothing there.", `"  \t"`, 1), code), false},
		{"class description null", catalogOf(strings.Replace(cls, "Nothing there.", "~", 1), code), false},
		{"class description with a control character", catalogOf(strings.Replace(cls, "Nothing there.", `"nul\0"`, 1), code), false},
		{"code entry a list", catalogOf(cls, "  - [a, b]"), false},
		{"unknown code key", catalogOf(cls, code+"\n    http: 404"), false},
		{"misspelled key", catalogOf(cls, strings.Replace(code, "retryable:", "retriable:", 1)), false},
		{"no code", catalogOf(cls, entry("code", "")), false},
		{"no status", catalogOf(cls, entry("status", "")), false},
		{"no class", catalogOf(cls, entry("class", "")), false},
		{"no retryable", catalogOf(cls, entry("retryable", "")), false},
		{"no description", catalogOf(cls, entry("description", "")), false},
		{"empty code", catalogOf(cls, entry("code", `""`)), false},
		{"null code", catalogOf(cls, entry("code", "~")), false},
		{"code no identifier, no name", catalogOf(cls, entry("name", "")), false},
		{"code reserved, no name", catalogOf(cls, strings.Replace(entry("name", ""), "no-such-key", "Lookup", 1)), false},
		{"code RetryAfter, no name", catalogOf(cls, strings.Replace(entry("name", ""), "no-such-key", "RetryAfter", 1)), false},
		{"name lower case", catalogOf(cls, entry("name", "noSuchKey")), false},
		{"name reserved", catalogOf(cls, entry("name", "ServiceError")), false},
		{"name a number", catalogOf(cls, entry("name", "404")), false},
		{"name null", catalogOf(cls, entry("name", "~")), false},
		{"aliases a string", catalogOf(cls, entry("aliases", "NoSuchKee")), false},
		{"aliases null", catalogOf(cls, entry("aliases", "~")), false},
		{"alias empty", catalogOf(cls, entry("aliases", `[""]`)), false},
		{"alias null", catalogOf(cls, entry("aliases", "[~]")), false},
		{"alias twice", catalogOf(cls, entry("aliases", "[A, A]")), false},
		{"alias not ASCII", catalogOf(cls, entry("aliases", "[NoSuchKéy]")), false},
		{"alias with a backquote", catalogOf(cls, entry("aliases", "[\"a`b\"]")), false},
		{"alias with a backslash", catalogOf(cls, entry("aliases", `["a\\b"]`)), false},
		{"alias with a bar", catalogOf(cls, entry("aliases", `["a|b"]`)), false},
		{"alias with a tab", catalogOf(cls, entry("aliases", `["a\tb"]`)), false},
		{"alias with a leading space", catalogOf(cls, entry("aliases", `[" ab"]`)), false},
		{"alias with a trailing space", catalogOf(cls, entry("aliases", `["ab "]`)), false},
		{"code with a bar, named", catalogOf(cls, strings.Replace(code, "code: no-such-key", `code: "a|b"`, 1)), false},
		{"status too low", catalogOf(cls, entry("status", "299")), false},
		{"status too high", catalogOf(cls, entry("status", "600")), false},
		{"status 200 in a list", catalogOf(cls, entry("status", "[404, 200]")), false},
		{"status a string", catalogOf(cls, entry("status", `"404"`)), false},
		{"status a word", catalogOf(cls, entry("status", "NotFound")), false},
		{"status null", catalogOf(cls, entry("status", "~")), false},
		{"status twice", catalogOf(cls, entry("status", "[404, 404]")), false},
		{"status a mapping", catalogOf(cls, entry("status", "{primary: 404}")), false},
		{"class a number", catalogOf(cls, entry("class", "404")), false},
		{"class null", catalogOf(cls, entry("class", "~")), false},
		{"class lower case", catalogOf(cls, entry("class", "notFound")), false},
		{"retryable a string", catalogOf(cls, entry("retryable", `"true"`)), false},
		{"retryable yes", catalogOf(cls, entry("retryable", "yes")), false},
		{"retryable a number", catalogOf(cls, entry("retryable", "1")), false},
		{"retryable null", catalogOf(cls, entry("retryable", "~")), false},
		{"description empty", catalogOf(cls, entry("description", `""`)), false},
		{"description blank", catalogOf(cls, entry("description", `"   "`)), false},
		{"description unicode blank", catalogOf(cls, entry("description", `"\u00a0\u2003\x85\v\t"`)), false},
		{"description null", catalogOf(cls, entry("description", "~")), false},
		{"description with a control character", catalogOf(cls, entry("description", `"bell\x07"`)), false},
		{"description with DEL", catalogOf(cls, entry("description", `"del\x7f"`)), false},
		{"description with a C1 control", catalogOf(cls, entry("description", `"c1\x9b"`)), false},
		{"description with a byte order mark", catalogOf(cls, entry("description", `"bom\ufeff"`)), false},
		{"description with a bidi override", catalogOf(cls, entry("description", `"abc\u202edef"`)), false},
		{"description with a bidi isolate", catalogOf(cls, entry("description", `"abc\u2067def"`)), false},
		{"description a list", catalogOf(cls, entry("description", "[a]")), false},

		{"families a mapping", catalogWith(map[string]string{"family": "  a: 1"}), false},
		{"family entry a string", family("  - COS"), false},
		{"unknown family key", family(fam + "\n    color: red"), false},
		{"family without name", family(dropKey(fam, "name")), false},
		{"family without description", family(dropKey(fam, "description")), false},
		{"family name lower case", family(strings.Replace(fam, "COS", "cos", 1)), false},
		{"family name with a dash", family(strings.Replace(fam, "COS", "C-OS", 1)), false},
		{"family name a number", family(strings.Replace(fam, "COS", "42", 1)), false},
		{"family description blank", family(strings.Replace(fam, "The XML API.", `"  "`, 1)), false},
		{"source entry a string", source("  - doc"), false},
		{"unknown source key", source(src + "\n    lang: en"), false},
		{"source without id", source(dropKey(src, "id")), false},
		{"source without url", source(dropKey(src, "url")), false},
		{"source without title", source(dropKey(src, "title")), false},
		{"source id upper case", source(strings.Replace(src, "id: doc", "id: Doc", 1)), false},
		{"source id with an underscore", source(strings.Replace(src, "id: doc", "id: d_oc", 1)), false},
		{"source id with two dashes", source(strings.Replace(src, "id: doc", "id: d--oc", 1)), false},
		{"source id ending in a dash", source(strings.Replace(src, "id: doc", "id: doc-", 1)), false},
		{"url ftp", source(strings.Replace(src, "https://example.com/doc", "ftp://example.com/doc", 1)), false},
		{"url without a host", source(strings.Replace(src, "https://example.com/doc", "https:///doc", 1)), false},
		{"url with a space", source(strings.Replace(src, "https://example.com/doc", `"https://example.com/a b"`, 1)), false},
		{"url with a bar", source(strings.Replace(src, "https://example.com/doc", `"https://example.com/a|b"`, 1)), false},
		{"url with a quote", source(strings.Replace(src, "https://example.com/doc", `'https://example.com/a"b'`, 1)), false},
		{"url with a backslash", source(strings.Replace(src, "https://example.com/doc", `'https://example.com/a\b'`, 1)), false},
		{"url with angle brackets", source(strings.Replace(src, "https://example.com/doc", `"https://example.com/<a>"`, 1)), false},
		{"url null", source(strings.Replace(src, "https://example.com/doc", "~", 1)), false},
		{"url a number", source(strings.Replace(src, "https://example.com/doc", "42", 1)), false},
		{"title blank", source(strings.Replace(src, "A page.", `""`, 1)), false},
		{"title with a control character", source(strings.Replace(src, "A page.", `"a\x01"`, 1)), false},
		{"no families key in a code", catalogOf(cls, entry("families", "")), false},
		{"no sources key in a code", catalogOf(cls, entry("sources", "")), false},
		{"families empty", catalogOf(cls, entry("families", "[]")), false},
		{"sources empty", catalogOf(cls, entry("sources", "[]")), false},
		{"families a string", catalogOf(cls, entry("families", "COS")), false},
		{"family twice", catalogOf(cls, entry("families", "[COS, COS]")), false},
		{"source twice", catalogOf(cls, entry("sources", "[doc, doc]")), false},
		{"family reference lower case", catalogOf(cls, entry("families", "[COS, cos]")), false},
		{"source reference upper case", catalogOf(cls, entry("sources", "[doc, Doc]")), false},
		{"no why, retryable", catalogOf(cls, strings.Replace(entry("why", ""), "retryable: false", "retryable: true", 1)), false},
		{"no why, 503", catalogOf(cls, strings.Replace(entry("why", ""), "status: [404, 400]", "status: 503", 1)), false},
		{"no why, 408 in a list", catalogOf(cls, strings.Replace(entry("why", ""), "status: [404, 400]", "status: [400, 408]", 1)), false},
		{"no why, 429", catalogOf(cls, strings.Replace(entry("why", ""), "status: [404, 400]", "status: 429", 1)), false},
		{"why blank", catalogOf(cls, entry("why", `" "`)), false},
		{"why on two lines", catalogOf(cls, entry("why", `"a\nb"`)), false},
		{"why with a line separator", catalogOf(cls, entry("why", `"a\u2028b"`)), false},
		{"why with a control character", catalogOf(cls, entry("why", `"a\x07"`)), false},
		{"why a list", catalogOf(cls, entry("why", "[a]")), false},
		{"sent_as a string", catalogOf(cls, entry("sent_as", "AccessDenied")), false},
		{"sent_as entry a string", sentAs("      - AccessDenied"), false},
		{"sent_as entry without message", sentAs("      - code: \"!\""), false},
		{"sent_as entry without code", sentAs("      - message: m"), false},
		{"sent_as entry with another key", sentAs("      - code: \"!\"\n        message: m\n        status: 403"), false},
		{"sent_as code empty", sentAs("      - code: \"\"\n        message: m"), false},
		{"sent_as code with a bar", sentAs("      - code: \"a|b\"\n        message: m"), false},
		{"sent_as message blank", sentAs("      - code: \"!\"\n        message: \"  \""), false},
		{"sent_as message null", sentAs("      - code: \"!\"\n        message: ~"), false},
		{"sent_as message on two lines", sentAs("      - code: \"!\"\n        message: \"a\\nb\""), false},
		{"sent_as message with a tab inside", sentAs("      - code: \"!\"\n        message: \"a\\tb\""), false},
		{"sent_as message with a zero-width space", sentAs("      - code: \"!\"\n        message: \"a\\u200bb\""), false},
		{"clock_skew yes", catalogOf(cls, entry("clock_skew", "yes")), false},
		{"clock_skew a string", catalogOf(cls, entry("clock_skew", `"true"`)), false},
		{"clock_skew null", catalogOf(cls, entry("clock_skew", "~")), false},
	}
}()

func TestSchemaAgreesWithGen(t *testing.T) {
	sch, _ := loadSchema(t)
	for _, tt := range schemaCases {
		t.Run(tt.name, func(t *testing.T) {
			_, genErr := gen.Load("t.yaml", tt.src)
			require.Equal(t, tt.valid, genErr == nil, "gen.Load(%q) = %v; want valid %v", tt.src, genErr, tt.valid)
			schemaErr := sch.Validate(yamlToJSON(t, tt.src))
			assert.Equal(t, tt.valid, schemaErr == nil, "schema validation of %q = %v; want valid %v (gen says %v)", tt.src, schemaErr, tt.valid, genErr)
		})
	}
}
