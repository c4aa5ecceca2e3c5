package gen_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
)

// preamble is the families, sources and classes sections most cases
// share: lines 1 to 17, so that `codes:` is line 18 and the first code
// starts on line 19. Family COS is declared on line 2, source doc on
// line 5, the classes on lines 9 to 17 (NotFound on 13, Server on 17),
// each with a hint of its own.
var preamble = `families:
  - name: COS
    description: The XML API.
sources:
  - id: doc
    url: https://example.com/doc
    title: A page.
classes:
` + classLines(9)

// classLines are the first n of the nine classes, one a line.
func classLines(n int) string {
	var b strings.Builder
	for _, c := range [][2]string{{"Redirect", "Elsewhere."}, {"BadRequest", "Invalid."}, {"Unauthenticated", "Unknown caller."},
		{"AccessDenied", "Not allowed."}, {"NotFound", "Nothing there."}, {"Conflict", "The state forbids it."},
		{"PreconditionFailed", "Unmet."}, {"Throttled", "Slow down."}, {"Server", "The service failed."}}[:n] {
		fmt.Fprintf(&b, "  - {name: %s, description: %s, hints: [{cause: Cause of %[1]s., fix: Fix of %[1]s., sources: [doc]}]}\n", c[0], c[1])
	}
	return b.String()
}

// codeYAML is a valid code entry, lines 19 to 26 after preamble+"codes:\n".
const codeYAML = `  - code: NoSuchBucket
    status: 404
    class: NotFound
    retryable: false
    families: [COS]
    sources: [doc]
    description: The bucket does not exist.
    hints: [{cause: Cause of NoSuchBucket., fix: Fix of NoSuchBucket., sources: [doc]}]
`

// keyYAML is another valid code entry, lines 27 to 34 after codeYAML.
const keyYAML = `  - code: NoSuchKey
    status: 404
    class: NotFound
    retryable: false
    families: [COS]
    sources: [doc]
    description: The key does not exist.
    hints: [{cause: Cause of NoSuchKey., fix: Fix of NoSuchKey., sources: [doc]}]
`

// withCodes returns a catalog with the preamble and the given codes
// section body, which starts on line 19.
func withCodes(body string) string { return preamble + "codes:\n" + body }

// edit returns s with the first old replaced by new; old must be there.
func edit(s, old, new string) string {
	if !strings.Contains(s, old) {
		panic("edit: no " + old + " in " + s)
	}
	return strings.Replace(s, old, new, 1)
}

// insertAfter returns the preamble with text inserted after line n, then
// the codes section with codeYAML.
func insertAfter(n int, text string) string {
	lines := strings.SplitAfter(preamble, "\n")
	return strings.Join(lines[:n], "") + text + strings.Join(lines[n:], "") + "codes:\n" + codeYAML
}

// loadErrs loads src as "c.yaml", requires it to fail, and returns every
// problem as "FILE:LINE:COL: message".
func loadErrs(t *testing.T, src string) []string {
	t.Helper()
	c, err := gen.Load("c.yaml", []byte(src))
	require.Error(t, err, "Load succeeded; want an error")
	assert.Nil(t, c)
	var list gen.ErrorList
	require.ErrorAs(t, err, &list)
	require.NotEmpty(t, list)
	out := make([]string, len(list))
	for i, e := range list {
		assert.Equal(t, "c.yaml", e.Pos.File)
		assert.GreaterOrEqual(t, e.Pos.Line, 1, "%v", e)
		assert.GreaterOrEqual(t, e.Pos.Col, 0, "%v", e) // 0 for a syntax error: the parser gives the line
		out[i] = e.Error()
	}
	assert.Equal(t, strings.Join(out, "\n"), err.Error())
	return out
}

// A badCatalog is a catalog Load must refuse, with every problem it must
// report. FuzzLoad is seeded with them too.
type badCatalog struct {
	name string
	src  string
	want []string
}

// badCatalogs has one case per kind of problem of the YAML, the top level
// and the classes; badCodes (code_test.go) and badRefs (rules_test.go)
// have those of the other sections and of the codes.
var badCatalogs = []badCatalog{
	{"empty file", "", []string{"c.yaml:1:1: catalog is empty; want families, sources, classes and codes"}},
	{"only a comment", "# nothing\n", []string{"c.yaml:1:1: catalog is empty; want families, sources, classes and codes"}},
	{"root is a list", "- classes\n- codes\n", []string{"c.yaml:1:1: catalog must be a mapping"}},
	{"root is a scalar", "catalog\n", []string{"c.yaml:1:1: catalog must be a mapping"}},
	{"root is null", "~\n", []string{"c.yaml:1:1: catalog must be a mapping"}},
	{"unknown top-level key", withCodes(codeYAML) + "errors: []\n", []string{
		"c.yaml:27:1: unknown key \"errors\" in catalog (want one of families, sources, classes, codes)"}},
	{"a second YAML document", withCodes(codeYAML) + "---\ncodes: []\n", []string{
		"c.yaml:27:1: a second YAML document: the catalog is one document"}},
	{"duplicate top-level key", withCodes(codeYAML) + "codes: []\n", []string{
		"c.yaml:27:1: duplicate key \"codes\" in catalog"}},
	{"missing every section", "{}\n", []string{
		`c.yaml:1:1: missing key "families" in catalog`, `c.yaml:1:1: missing key "sources" in catalog`,
		`c.yaml:1:1: missing key "classes" in catalog`, `c.yaml:1:1: missing key "codes" in catalog`}},
	{"classes not a list", "families: []\nsources: []\nclasses: NotFound\ncodes: []\n", []string{"c.yaml:3:10: classes must be a list"}},
	{"codes not a list", preamble + "codes: {}\n", []string{"c.yaml:18:8: codes must be a list"}},
	{"unknown key in class", insertAfter(17, "  - name: Extra\n    doc: x\n    hints: [{cause: Extra., fix: Extra fix., sources: [doc]}]\n"), []string{
		`c.yaml:18:5: missing key "description" in class`,
		`c.yaml:19:5: unknown key "doc" in class (want one of name, description, hints)`}},
	{"duplicate class", insertAfter(17, "  - name: NotFound\n    description: Again.\n    hints: [{cause: Extra., fix: Extra fix., sources: [doc]}]\n"), []string{
		`c.yaml:18:11: duplicate class "NotFound" (first at 13:12)`}},
	{"class not an exported identifier", insertAfter(17, "  - name: notFound\n    description: x\n    hints: [{cause: Extra., fix: Extra fix., sources: [doc]}]\n"), []string{
		"c.yaml:18:11: name \"notFound\" is not an exported Go identifier"}},
	{"class not an identifier", insertAfter(17, "  - name: Not Found\n    description: x\n    hints: [{cause: Extra., fix: Extra fix., sources: [doc]}]\n"), []string{
		"c.yaml:18:11: name \"Not Found\" is not an exported Go identifier"}},
	{"class without description", insertAfter(17, "  - name: Extra\n    hints: [{cause: Extra., fix: Extra fix., sources: [doc]}]\n"), []string{
		`c.yaml:18:5: missing key "description" in class`}},
	{"class description with a control character", insertAfter(17, "  - {name: Extra, description: \"a\\bb\", hints: [{cause: C., fix: F., sources: [doc]}]}\n"), []string{
		`c.yaml:18:32: description has control character U+0008`}},
	{"missing a fallback class", edit(withCodes(codeYAML), strings.SplitAfter(classLines(8), "\n")[7], ""), []string{
		`c.yaml:8:1: missing class "Throttled": coserr falls back to it by HTTP status (internal/statusrule)`}},
	{"missing two fallback classes", "families: []\nsources: [{id: doc, url: \"https://example.com/doc\", title: T.}]\nclasses:\n" + classLines(7) + "codes: []\n", []string{
		`c.yaml:3:1: missing class "Throttled": coserr falls back to it by HTTP status (internal/statusrule)`,
		`c.yaml:3:1: missing class "Server": coserr falls back to it by HTTP status (internal/statusrule)`}},
	{"anchor and alias", withCodes(edit(codeYAML, "class: NotFound", "class: &c NotFound") +
		edit(keyYAML, "class: NotFound", "class: *c")), []string{
		"c.yaml:29:12: aliases (*c) are not allowed in a catalog; write the value out"}},
	{"NUL byte", withCodes(codeYAML) + "\x00", []string{
		"c.yaml:27:1: control characters are not allowed"}},
	{"invalid UTF-8", withCodes(edit(codeYAML, "does not", "does\xffnot")), []string{
		"c.yaml:25:33: invalid leading UTF-8 octet"}},
	{"UTF-16", "\xff\xfec\x00l\x00", []string{
		"c.yaml:1:1: catalog must be a mapping"}},
	{"YAML syntax", withCodes(edit(codeYAML, "    class", "   class")), []string{
		"c.yaml:18: did not find expected '-' indicator"}},
}

// allBadCatalogs is every bad catalog case of the package.
func allBadCatalogs() []badCatalog {
	var all []badCatalog
	for _, list := range [][]badCatalog{badCatalogs, badCodes, badRefs, badHints} {
		all = append(all, list...)
	}
	return all
}

func TestLoadErrors(t *testing.T) {
	for _, tt := range allBadCatalogs() {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErrs(t, tt.src)
			assert.Equal(t, tt.want, got, "Load(%q)", tt.src)
		})
	}
}

func TestLoadRealCatalog(t *testing.T) {
	c := loadReal(t)
	assert.Len(t, c.Classes, 9)
	assert.NotEmpty(t, c.Families)
	assert.NotEmpty(t, c.Sources)
	assert.NotEmpty(t, c.Codes)
}

func loadReal(t testing.TB) *gen.Catalog {
	t.Helper()
	src, err := os.ReadFile("../catalog.yaml")
	require.NoError(t, err)
	c, err := gen.Load("catalog.yaml", src)
	require.NoError(t, err)
	return c
}

// TestLoadReportsEverything checks that one Load reports every problem of
// a catalog with many, sorted by position, each with its position.
func TestLoadReportsEverything(t *testing.T) {
	src := `families:
  - name: COS
    description: The XML API.
  - name: CI
    description: Cloud Infinite.
sources:
  - id: doc
    url: ftp://example.com
    title: A page.
` + preamble[strings.Index(preamble, "classes:"):] + `  - {name: NotFound, description: Again., hints: [{cause: Again., fix: Again!, sources: [doc]}]}
  - {name: server, description: Lower case., hints: [{cause: Lower., fix: Cap it., sources: [doc]}]}
codes:
  - code: NoSuchKey
    status: 404
    class: NotFound
    retryable: maybe
    families: [COS]
    sources: [doc]
    description: The key does not exist.
    hints: [{cause: Gone., fix: Look., sources: [doc]}]
  - code: NoSuchBucket
    status: [404, 200]
    class: Missing
    retryable: false
    families: [COS, COS]
    sources: [doc]
    colour: blue
    hints: [{cause: Nowhere., fix: Make it., sources: [doc]}]
  - code: bad-code
    status: 500
    class: NotFound
    retryable: true
    families: [COS]
    sent_as: [{code: NoSuchBuckt, message: m}]
    sources: [doc]
    description: ""
    hints: [{cause: Gone., fix: Look elsewhere., sources: [doc]}]
`
	got := loadErrs(t, src)
	want := []string{
		`c.yaml:4:11: family "CI" is declared and not used`,
		"c.yaml:8:10: url \"ftp://example.com\" must be an http or https URL of printable ASCII without space, \", <, >, \\, ` or |",
		`c.yaml:20:12: duplicate class "NotFound" (first at 15:12)`,
		`c.yaml:21:12: name "server" is not an exported Go identifier`,
		`c.yaml:26:16: retryable must be true or false`,
		`c.yaml:31:5: missing key "description" in code`,
		`c.yaml:31:11: code "NoSuchBucket" is out of order; it belongs before "NoSuchKey"`,
		`c.yaml:32:19: status 200 is outside 300..599`,
		`c.yaml:33:12: unknown class "Missing"`,
		`c.yaml:35:21: family COS listed twice`,
		`c.yaml:37:5: unknown key "colour" in code (want one of code, name, aliases, status, class, retryable, why, families, sent_as, clock_skew, checks, sources, description, hints)`,
		`c.yaml:39:5: missing key "why" in code (required when retryable is true or a status is 5xx, 408 or 429)`,
		`c.yaml:39:11: code "bad-code" is not an exported Go identifier; give it a name`,
		`c.yaml:44:22: sent_as code "NoSuchBuckt" is not a code of the catalog`,
		`c.yaml:46:18: description is empty`,
		`c.yaml:47:21: cause copied word for word from code NoSuchKey (at 30:21); write each entry's hints for it`,
	}
	assert.Equal(t, want, got)

	// The list is reachable through errors.As.
	_, err := gen.Load("c.yaml", []byte(src))
	var list gen.ErrorList
	require.ErrorAs(t, err, &list)
	assert.Equal(t, want[0], list[0].Error())
}

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  gen.Pos
		want string
	}{
		{gen.Pos{File: "catalog.yaml", Line: 12, Col: 5}, "catalog.yaml:12:5"},
		{gen.Pos{File: "a/b.yaml", Line: 1, Col: 1}, "a/b.yaml:1:1"},
		{gen.Pos{File: "c.yaml", Line: 18}, "c.yaml:18"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.pos.String())
			e := &gen.Error{Pos: tt.pos, Msg: "unknown class \"X\""}
			assert.Equal(t, tt.want+": unknown class \"X\"", e.Error())
		})
	}
}
