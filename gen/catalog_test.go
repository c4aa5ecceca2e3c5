package gen_test

import (
	"errors"
	"go/ast"
	"go/parser"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
)

// classesYAML is the classes section most cases share: lines 1 to 5, so
// that `codes:` is line 6 and the first code starts on line 7.
const classesYAML = `classes:
  - name: NotFound
    description: Nothing there.
  - name: Server
    description: The service failed.
`

// codeYAML is a valid code entry, lines 7 to 11 after classesYAML+"codes:\n".
const codeYAML = `  - code: NoSuchBucket
    status: 404
    class: NotFound
    retryable: false
    description: The bucket does not exist.
`

// withCodes returns a catalog with the shared classes and the given codes
// section body, which starts on line 7.
func withCodes(body string) string { return classesYAML + "codes:\n" + body }

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

// badCatalogs has one case per kind of problem Load reports. FuzzLoad
// seeds its corpus from them too (see TestFuzzSeeds).
var badCatalogs = []struct {
	name string
	src  string
	want []string
}{
	{"empty file", "", []string{"c.yaml:1:1: catalog is empty; want classes and codes"}},
	{"only a comment", "# nothing\n", []string{"c.yaml:1:1: catalog is empty; want classes and codes"}},
	{"root is a list", "- classes\n- codes\n", []string{"c.yaml:1:1: catalog must be a mapping"}},
	{"root is a scalar", "catalog\n", []string{"c.yaml:1:1: catalog must be a mapping"}},
	{"root is null", "~\n", []string{"c.yaml:1:1: catalog must be a mapping"}},
	{"unknown top-level key", withCodes(codeYAML) + "errors: []\n", []string{
		`c.yaml:12:1: unknown key "errors" in catalog (want one of classes, codes)`}},
	{"duplicate top-level key", withCodes(codeYAML) + "codes: []\n", []string{
		`c.yaml:12:1: duplicate key "codes" in catalog`}},
	{"missing classes and codes", "{}\n", []string{
		`c.yaml:1:1: missing key "classes" in catalog`, `c.yaml:1:1: missing key "codes" in catalog`}},
	{"classes not a list", "classes: NotFound\ncodes: []\n", []string{"c.yaml:1:10: classes must be a list"}},
	{"codes not a list", classesYAML + "codes: {}\n", []string{"c.yaml:6:8: codes must be a list"}},
	{"unknown key in class", "classes:\n  - name: NotFound\n    doc: x\ncodes: []\n", []string{
		`c.yaml:2:5: missing key "description" in class`,
		`c.yaml:3:5: unknown key "doc" in class (want one of name, description)`}},
	{"duplicate class", classesYAML + "  - name: NotFound\n    description: Again.\ncodes: []\n", []string{
		`c.yaml:6:11: duplicate class "NotFound" (first at 2:5)`}},
	{"class not an exported identifier", "classes:\n  - name: notFound\n    description: x\ncodes: []\n", []string{
		`c.yaml:2:11: class name "notFound" is not an exported Go identifier`}},
	{"class not an identifier", "classes:\n  - name: Not Found\n    description: x\ncodes: []\n", []string{
		`c.yaml:2:11: class name "Not Found" is not an exported Go identifier`}},
	{"class without description", "classes:\n  - name: NotFound\ncodes: []\n", []string{
		`c.yaml:2:5: missing key "description" in class`}},
	{"code not a mapping", withCodes("  - NoSuchBucket\n"), []string{"c.yaml:7:5: code must be a mapping"}},
	{"unknown key in code", withCodes(codeYAML + "    http: 404\n"), []string{
		`c.yaml:12:5: unknown key "http" in code (want one of code, name, aliases, status, class, retryable, description)`}},
	{"duplicate key in code", withCodes(codeYAML + "    status: 400\n"), []string{
		`c.yaml:12:5: duplicate key "status" in code`}},
	{"duplicate code", withCodes(codeYAML + codeYAML), []string{
		`c.yaml:12:11: duplicate code "NoSuchBucket" (first at 7:11)`}},
	{"alias of another code", withCodes(codeYAML + strings.Replace(codeYAML, "  - code: NoSuchBucket\n",
		"  - code: NoSuchKey\n    aliases: [NoSuchBucket]\n", 1)), []string{
		`c.yaml:13:15: duplicate code "NoSuchBucket" (first at 7:11)`}},
	{"alias listed twice", withCodes(strings.Replace(codeYAML, "    status", "    aliases: [NoSuchBuckt, NoSuchBuckt]\n    status", 1)), []string{
		`c.yaml:8:28: duplicate code "NoSuchBuckt" (first at 8:15)`}},
	{"aliases not a list", withCodes(strings.Replace(codeYAML, "    status", "    aliases: NoSuchBuckt\n    status", 1)), []string{
		`c.yaml:8:14: aliases must be a list of strings`}},
	{"alias not a string", withCodes(strings.Replace(codeYAML, "    status", "    aliases: [[x]]\n    status", 1)), []string{
		`c.yaml:8:15: alias must be a string`}},
	{"empty code", withCodes(strings.Replace(codeYAML, "code: NoSuchBucket", `code: ""`, 1)), []string{
		`c.yaml:7:11: empty code`}},
	{"null code", withCodes(strings.Replace(codeYAML, "code: NoSuchBucket", `code: ~`, 1)), []string{
		`c.yaml:7:11: code must be a string`}},
	{"code with a backquote", withCodes(strings.Replace(codeYAML, "code: NoSuchBucket", "code: NoSuch`Bucket\n    name: NoSuchBucket", 1)), []string{
		"c.yaml:7:11: \"NoSuch`Bucket\" is not a wire spelling: want printable ASCII without `, \\ or |, and no space at either end"}},
	{"alias with a bar", withCodes(strings.Replace(codeYAML, "    status", "    aliases: [\"No|Such\"]\n    status", 1)), []string{
		"c.yaml:8:15: \"No|Such\" is not a wire spelling: want printable ASCII without `, \\ or |, and no space at either end"}},
	{"alias with a line break", withCodes(strings.Replace(codeYAML, "    status", "    aliases: [\"No\\nSuch\"]\n    status", 1)), []string{
		"c.yaml:8:15: \"No\\nSuch\" is not a wire spelling: want printable ASCII without `, \\ or |, and no space at either end"}},
	{"code with a trailing space", withCodes(strings.Replace(codeYAML, "code: NoSuchBucket", "code: \"NoSuchBucket \"\n    name: NoSuchBucket", 1)), []string{
		"c.yaml:7:11: \"NoSuchBucket \" is not a wire spelling: want printable ASCII without `, \\ or |, and no space at either end"}},
	{"code not an identifier", withCodes(strings.Replace(codeYAML, "code: NoSuchBucket", "code: no-such-bucket", 1)), []string{
		`c.yaml:7:11: code "no-such-bucket" is not an exported Go identifier; give it a name`}},
	{"name not an identifier", withCodes(strings.Replace(codeYAML, "code: NoSuchBucket", "code: no-such-bucket\n    name: No-Such-Bucket", 1)), []string{
		`c.yaml:8:11: name "No-Such-Bucket" is not an exported Go identifier`}},
	{"name not exported", withCodes(strings.Replace(codeYAML, "code: NoSuchBucket", "code: no-such-bucket\n    name: noSuchBucket", 1)), []string{
		`c.yaml:8:11: name "noSuchBucket" is not an exported Go identifier`}},
	{"reserved Go name", withCodes(strings.Replace(codeYAML, "code: NoSuchBucket", "code: Lookup", 1)), []string{
		`c.yaml:7:11: Go name "Lookup" is reserved in package coserr; give the code another name`}},
	{"reserved Go name by name", withCodes(strings.Replace(codeYAML, "code: NoSuchBucket", "code: lookup\n    name: ServiceError", 1)), []string{
		`c.yaml:8:11: Go name "ServiceError" is reserved in package coserr; give the code another name`}},
	{"duplicate Go name", withCodes(codeYAML + strings.Replace(codeYAML, "code: NoSuchBucket", "code: no such bucket\n    name: NoSuchBucket", 1)), []string{
		`c.yaml:13:11: duplicate Go name "NoSuchBucket" (first at 7:11)`}},
	{"Go name of a class", withCodes(strings.Replace(codeYAML, "code: NoSuchBucket", "code: ErrNotFound", 1)), []string{
		`c.yaml:7:11: duplicate Go name "ErrNotFound" (first at 2:5)`}},
	{"missing status", withCodes(strings.Replace(codeYAML, "    status: 404\n", "", 1)), []string{
		`c.yaml:7:5: missing key "status" in code`}},
	{"status below 300", withCodes(strings.Replace(codeYAML, "status: 404", "status: 299", 1)), []string{
		`c.yaml:8:13: status 299 outside 300..599`}},
	{"status above 599", withCodes(strings.Replace(codeYAML, "status: 404", "status: [404, 600]", 1)), []string{
		`c.yaml:8:19: status 600 outside 300..599`}},
	{"status a string", withCodes(strings.Replace(codeYAML, "status: 404", `status: "404"`, 1)), []string{
		`c.yaml:8:13: status must be an HTTP status or a list of them, primary first`}},
	{"status a float", withCodes(strings.Replace(codeYAML, "status: 404", `status: 404.0`, 1)), []string{
		`c.yaml:8:13: status must be an HTTP status or a list of them, primary first`}},
	{"empty status list", withCodes(strings.Replace(codeYAML, "status: 404", "status: []", 1)), []string{
		`c.yaml:8:13: status list is empty`}},
	{"status listed twice", withCodes(strings.Replace(codeYAML, "status: 404", "status: [404, 400, 404]", 1)), []string{
		`c.yaml:8:24: status 404 listed twice`}},
	{"missing class", withCodes(strings.Replace(codeYAML, "    class: NotFound\n", "", 1)), []string{
		`c.yaml:7:5: missing key "class" in code`}},
	{"unknown class", withCodes(strings.Replace(codeYAML, "class: NotFound", "class: NotFund", 1)), []string{
		`c.yaml:9:12: unknown class "NotFund"`}},
	{"missing retryable", withCodes(strings.Replace(codeYAML, "    retryable: false\n", "", 1)), []string{
		`c.yaml:7:5: missing key "retryable" in code`}},
	{"retryable yes", withCodes(strings.Replace(codeYAML, "retryable: false", "retryable: yes", 1)), []string{
		`c.yaml:10:16: retryable must be true or false`}},
	{"retryable quoted", withCodes(strings.Replace(codeYAML, "retryable: false", `retryable: "false"`, 1)), []string{
		`c.yaml:10:16: retryable must be true or false`}},
	{"retryable a number", withCodes(strings.Replace(codeYAML, "retryable: false", "retryable: 0", 1)), []string{
		`c.yaml:10:16: retryable must be true or false`}},
	{"missing description", withCodes(strings.Replace(codeYAML, "    description: The bucket does not exist.\n", "", 1)), []string{
		`c.yaml:7:5: missing key "description" in code`}},
	{"blank description", withCodes(strings.Replace(codeYAML, "The bucket does not exist.", `"  "`, 1)), []string{
		`c.yaml:11:18: empty description`}},
	{"description with a control character", withCodes(strings.Replace(codeYAML, "The bucket does not exist.", `"The bucket\0 does not exist."`, 1)), []string{
		`c.yaml:11:18: description has control character U+0000`}},
	{"description with a byte order mark", withCodes(strings.Replace(codeYAML, "The bucket does not exist.", `"The \uFEFFbucket"`, 1)), []string{
		`c.yaml:11:18: description has a byte order mark (U+FEFF)`}},
	{"description with a bidi override", withCodes(strings.Replace(codeYAML, "The bucket does not exist.", `"The \u202Ebucket"`, 1)), []string{
		`c.yaml:11:18: description has bidirectional control character U+202E`}},
	{"anchor and alias", withCodes(strings.Replace(codeYAML, "class: NotFound", "class: &c NotFound", 1) +
		strings.Replace(codeYAML, "class: NotFound", "class: *c", 1)), []string{
		`c.yaml:9:12: anchors are not allowed in a catalog`,
		`c.yaml:14:12: aliases are not allowed in a catalog`}},
	{"nesting too deep", withCodes(strings.Replace(codeYAML, "status: 404", "status: [[[[[[[[[[[[[[[[404]]]]]]]]]]]]]]]]", 1)), []string{
		`c.yaml:8:26: nesting deeper than 16 levels`}},
	{"second document", withCodes(codeYAML) + "---\nclasses: []\n", []string{
		`c.yaml:12:1: a catalog is one YAML document; this is a second`}},
	{"NUL byte", withCodes(codeYAML) + "\x00", []string{"c.yaml:12:1: control character U+0000 is not allowed"}},
	{"invalid UTF-8", withCodes(strings.Replace(codeYAML, "does not", "does\xffnot", 1)), []string{"c.yaml:11:33: invalid UTF-8"}},
	{"UTF-16", "\xff\xfec\x00l\x00", []string{"c.yaml:1:1: invalid UTF-8"}},
	{"YAML syntax", withCodes(strings.Replace(codeYAML, "    class", "   class", 1)), []string{
		`c.yaml:9:4: syntax error: did not find expected '-' indicator`}},
}

func TestLoadErrors(t *testing.T) {
	for _, tt := range badCatalogs {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErrs(t, tt.src)
			assert.Equal(t, tt.want, got, "Load(%q)", tt.src)
		})
	}
}

func TestLoadValid(t *testing.T) {
	src := classesYAML + `codes:
  - code: no such key
    name: NoSuchKey
    aliases: [NoSuchKeys, "No Such Key"]
    status: [404, 400]
    class: NotFound
    retryable: false
    description: |
      The key
      does not exist.
  - code: InternalError
    status: 500
    class: Server
    retryable: true
    description: "An internal error."
`
	c, err := gen.Load("c.yaml", []byte(src))
	require.NoError(t, err)
	want := &gen.Catalog{
		File: "c.yaml",
		Classes: []*gen.Class{
			{Name: "NotFound", Description: "Nothing there.", Pos: gen.Pos{File: "c.yaml", Line: 2, Col: 5}},
			{Name: "Server", Description: "The service failed.", Pos: gen.Pos{File: "c.yaml", Line: 4, Col: 5}},
		},
		Codes: []*gen.Code{
			{Code: "InternalError", Name: "InternalError", Statuses: []int{500}, Class: "Server", Retryable: true,
				Description: "An internal error.", Pos: gen.Pos{File: "c.yaml", Line: 16, Col: 5}},
			{Code: "no such key", Name: "NoSuchKey", Aliases: []string{"NoSuchKeys", "No Such Key"}, Statuses: []int{404, 400},
				Class: "NotFound", Description: "The key\ndoes not exist.", Pos: gen.Pos{File: "c.yaml", Line: 7, Col: 5}},
		},
	}
	assert.Equal(t, want, c)
	assert.Equal(t, "ErrNotFound", c.Classes[0].GoName())
}

func TestLoadRealCatalog(t *testing.T) {
	src, err := os.ReadFile("../catalog.yaml")
	require.NoError(t, err)
	c, err := gen.Load("catalog.yaml", src)
	require.NoError(t, err)
	assert.Len(t, c.Classes, 9)
	assert.NotEmpty(t, c.Codes)
}

// TestLoadReportsEverything checks that one Load reports every problem of
// a catalog with many, sorted by position, each with its position.
func TestLoadReportsEverything(t *testing.T) {
	src := `classes:
  - name: NotFound
    description: Nothing there.
  - name: NotFound
    description: Again.
  - name: server
    description: The service failed.
codes:
  - code: NoSuchBucket
    status: 404
    class: NotFound
    retryable: maybe
    description: The bucket does not exist.
  - code: NoSuchBucket
    status: [404, 200]
    class: Missing
    retryable: false
    colour: blue
  - code: bad-code
    status: 500
    class: NotFound
    description: ""
`
	got := loadErrs(t, src)
	want := []string{
		`c.yaml:4:11: duplicate class "NotFound" (first at 2:5)`,
		`c.yaml:6:11: class name "server" is not an exported Go identifier`,
		`c.yaml:12:16: retryable must be true or false`,
		`c.yaml:14:5: missing key "description" in code`,
		`c.yaml:14:11: duplicate code "NoSuchBucket" (first at 9:11)`,
		`c.yaml:15:19: status 200 outside 300..599`,
		`c.yaml:16:12: unknown class "Missing"`,
		`c.yaml:18:5: unknown key "colour" in code (want one of code, name, aliases, status, class, retryable, description)`,
		`c.yaml:19:5: missing key "retryable" in code`,
		`c.yaml:19:11: code "bad-code" is not an exported Go identifier; give it a name`,
		`c.yaml:22:18: empty description`,
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

// TestReservedCoversCoserr checks that gen.Reserved names every exported
// identifier the hand-written files of package coserr declare, so that no
// catalog entry can generate a second declaration of one.
func TestReservedCoversCoserr(t *testing.T) {
	var declared []string
	for _, f := range parsePackage(t, "../coserr", parser.ParseComments) {
		if ast.IsGenerated(f) {
			continue
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					declared = append(declared, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							declared = append(declared, s.Name.Name)
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								declared = append(declared, n.Name)
							}
						}
					}
				}
			}
		}
	}
	require.Contains(t, declared, "ServiceError", "found no declarations in ../coserr")
	for _, name := range declared {
		assert.True(t, slices.Contains(gen.Reserved, name), "coserr declares %s by hand; add it to gen.Reserved", name)
	}
}

// TestReservedClassName checks that a class whose Err name coserr declares
// by hand is refused. No name in Reserved starts with Err today, so the
// test adds one.
func TestReservedClassName(t *testing.T) {
	saved := gen.Reserved
	t.Cleanup(func() { gen.Reserved = saved })
	gen.Reserved = append(slices.Clone(saved), "ErrBodyTooLarge")
	got := loadErrs(t, "classes:\n  - name: BodyTooLarge\n    description: x\ncodes: []\n")
	assert.Equal(t, []string{`c.yaml:2:11: Go name "ErrBodyTooLarge" is reserved in package coserr; give the class another name`}, got)
}
