package gen_test

import (
	"errors"
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
// line 5, the classes on lines 9 to 17 (NotFound on 13, Server on 17).
const preamble = `families:
  - name: COS
    description: The XML API.
sources:
  - id: doc
    url: https://example.com/doc
    title: A page.
classes:
  - {name: Redirect, description: Elsewhere.}
  - {name: BadRequest, description: Invalid.}
  - {name: Unauthenticated, description: Unknown caller.}
  - {name: AccessDenied, description: Not allowed.}
  - {name: NotFound, description: Nothing there.}
  - {name: Conflict, description: The state forbids it.}
  - {name: PreconditionFailed, description: Unmet.}
  - {name: Throttled, description: Slow down.}
  - {name: Server, description: The service failed.}
`

// codeYAML is a valid code entry, lines 19 to 25 after preamble+"codes:\n".
const codeYAML = `  - code: NoSuchBucket
    status: 404
    class: NotFound
    retryable: false
    families: [COS]
    sources: [doc]
    description: The bucket does not exist.
`

// keyYAML is another valid code entry, lines 26 to 32 after codeYAML.
const keyYAML = `  - code: NoSuchKey
    status: 404
    class: NotFound
    retryable: false
    families: [COS]
    sources: [doc]
    description: The key does not exist.
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
		assert.GreaterOrEqual(t, e.Pos.Col, 1, "%v", e)
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
		`c.yaml:26:1: unknown key "errors" in catalog (want one of families, sources, classes, codes)`}},
	{"duplicate top-level key", withCodes(codeYAML) + "codes: []\n", []string{
		`c.yaml:26:1: duplicate key "codes" in catalog`}},
	{"missing every section", "{}\n", []string{
		`c.yaml:1:1: missing key "families" in catalog`, `c.yaml:1:1: missing key "sources" in catalog`,
		`c.yaml:1:1: missing key "classes" in catalog`, `c.yaml:1:1: missing key "codes" in catalog`}},
	{"classes not a list", "families: []\nsources: []\nclasses: NotFound\ncodes: []\n", []string{"c.yaml:3:10: classes must be a list"}},
	{"codes not a list", preamble + "codes: {}\n", []string{"c.yaml:18:8: codes must be a list"}},
	{"unknown key in class", insertAfter(17, "  - name: Extra\n    doc: x\n"), []string{
		`c.yaml:18:5: missing key "description" in class`,
		`c.yaml:19:5: unknown key "doc" in class (want one of name, description, hints)`}},
	{"duplicate class", insertAfter(17, "  - name: NotFound\n    description: Again.\n"), []string{
		`c.yaml:18:11: duplicate class "NotFound" (first at 13:12)`}},
	{"class not an exported identifier", insertAfter(17, "  - name: notFound\n    description: x\n"), []string{
		`c.yaml:18:11: class name "notFound" is not an exported Go identifier`}},
	{"class not an identifier", insertAfter(17, "  - name: Not Found\n    description: x\n"), []string{
		`c.yaml:18:11: class name "Not Found" is not an exported Go identifier`}},
	{"class without description", insertAfter(17, "  - name: Extra\n"), []string{
		`c.yaml:18:5: missing key "description" in class`}},
	{"class description with a control character", insertAfter(17, "  - {name: Extra, description: \"a\\bb\"}\n"), []string{
		`c.yaml:18:32: description has control character U+0008`}},
	{"missing a fallback class", strings.Replace(withCodes(codeYAML), "  - {name: Throttled, description: Slow down.}\n", "", 1), []string{
		`c.yaml:8:1: missing class "Throttled": coserr falls back to it by HTTP status (internal/statusrule)`}},
	{"missing two fallback classes", "families: []\nsources: []\nclasses:\n  - {name: NotFound, description: Gone.}\n" +
		"  - {name: Redirect, description: Elsewhere.}\n  - {name: BadRequest, description: Invalid.}\n" +
		"  - {name: Unauthenticated, description: Who.}\n  - {name: AccessDenied, description: No.}\n" +
		"  - {name: Conflict, description: State.}\n  - {name: PreconditionFailed, description: Unmet.}\ncodes: []\n", []string{
		`c.yaml:3:1: missing class "Throttled": coserr falls back to it by HTTP status (internal/statusrule)`,
		`c.yaml:3:1: missing class "Server": coserr falls back to it by HTTP status (internal/statusrule)`}},
	{"anchor and alias", withCodes(edit(codeYAML, "class: NotFound", "class: &c NotFound") +
		edit(keyYAML, "class: NotFound", "class: *c")), []string{
		`c.yaml:21:12: anchors are not allowed in a catalog`,
		`c.yaml:28:12: aliases are not allowed in a catalog`}},
	{"nesting too deep", withCodes(edit(codeYAML, "status: 404", "status: [[[[[[[[[[[[[[[[404]]]]]]]]]]]]]]]]")), []string{
		`c.yaml:20:26: nesting deeper than 16 levels`}},
	{"second document", withCodes(codeYAML) + "---\nclasses: []\n", []string{
		`c.yaml:26:1: a catalog is one YAML document; this is a second`}},
	{"NUL byte", withCodes(codeYAML) + "\x00", []string{"c.yaml:26:1: control character U+0000 is not allowed"}},
	{"invalid UTF-8", withCodes(edit(codeYAML, "does not", "does\xffnot")), []string{"c.yaml:25:33: invalid UTF-8"}},
	{"UTF-16", "\xff\xfec\x00l\x00", []string{"c.yaml:1:1: invalid UTF-8"}},
	{"YAML syntax", withCodes(edit(codeYAML, "    class", "   class")), []string{
		`c.yaml:21:4: syntax error: did not find expected '-' indicator`}},
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
` + preamble[strings.Index(preamble, "classes:"):] + `  - {name: NotFound, description: Again.}
  - {name: server, description: Lower case.}
codes:
  - code: NoSuchKey
    status: 404
    class: NotFound
    retryable: maybe
    families: [COS]
    sources: [doc]
    description: The key does not exist.
  - code: NoSuchBucket
    status: [404, 200]
    class: Missing
    retryable: false
    families: [COS, COS]
    sources: [doc]
    colour: blue
  - code: bad-code
    status: 500
    class: NotFound
    retryable: true
    families: [COS]
    sent_as: [{code: NoSuchBuckt, message: m}]
    sources: [doc]
    description: ""
`
	got := loadErrs(t, src)
	want := []string{
		`c.yaml:4:11: family "CI" is declared and not used`,
		"c.yaml:8:10: url \"ftp://example.com\" must be an http or https URL of printable ASCII without space, \", <, >, \\, ` or |",
		`c.yaml:20:12: duplicate class "NotFound" (first at 15:12)`,
		`c.yaml:21:12: class name "server" is not an exported Go identifier`,
		`c.yaml:26:16: retryable must be true or false`,
		`c.yaml:30:5: missing key "description" in code`,
		`c.yaml:30:11: code "NoSuchBucket" is out of order; it belongs before "NoSuchKey"`,
		`c.yaml:31:19: status 200 outside 300..599`,
		`c.yaml:32:12: unknown class "Missing"`,
		`c.yaml:34:21: family "COS" listed twice`,
		`c.yaml:36:5: unknown key "colour" in code (want one of code, name, aliases, status, class, retryable, why, families, sent_as, clock_skew, sources, description, hints)`,
		`c.yaml:37:5: missing key "why" in code (required when retryable is true or a status is 5xx, 408 or 429)`,
		`c.yaml:37:11: code "bad-code" is not an exported Go identifier; give it a name`,
		`c.yaml:42:22: sent_as code "NoSuchBuckt" is not a code of the catalog`,
		`c.yaml:44:18: empty description`,
	}
	assert.Equal(t, want, got)

	// Every problem is also reachable through errors.As and errors.Is.
	_, err := gen.Load("c.yaml", []byte(src))
	var first *gen.Error
	require.ErrorAs(t, err, &first)
	assert.Equal(t, want[0], first.Error())
	var list gen.ErrorList
	require.ErrorAs(t, err, &list)
	assert.True(t, errors.Is(err, list[3]), "errors.Is(err, list[3]) = false; want true")
}

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  gen.Pos
		want string
	}{
		{gen.Pos{File: "catalog.yaml", Line: 12, Col: 5}, "catalog.yaml:12:5"},
		{gen.Pos{File: "a/b.yaml", Line: 1, Col: 1}, "a/b.yaml:1:1"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.pos.String())
			e := &gen.Error{Pos: tt.pos, Msg: "unknown class \"X\""}
			assert.Equal(t, tt.want+": unknown class \"X\"", e.Error())
		})
	}
}
