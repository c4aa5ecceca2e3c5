package gen_test

// Helpers that read the generated outputs: type-check the Go file, find
// its declarations and read the Markdown tables.

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// coserrStub is the source of a package coserr with only the types the
// generated file needs, Code, Class, Hint and sentAs, declared as the real
// package coserr declares them: generated code that does not fit the real
// types does not type-check against the stub either.
var coserrStub = sync.OnceValues(func() ([]byte, error) {
	fset := token.NewFileSet()
	pkgs, err := filepath.Glob("../coserr/*.go")
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("package coserr\n")
	found := map[string]bool{}
	for _, name := range pkgs {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE {
				continue
			}
			for _, s := range g.Specs {
				ts := s.(*ast.TypeSpec)
				if n := ts.Name.Name; n == "Code" || n == "Class" || n == "sentAs" || n == "Hint" {
					found[n] = true
					b.WriteString("\ntype ")
					if err := printer.Fprint(&b, fset, ts); err != nil {
						return nil, err
					}
					b.WriteString("\n")
				}
			}
		}
	}
	if len(found) != 4 {
		return nil, fmt.Errorf("../coserr declares %v of Code, Class, Hint and sentAs", slices.Sorted(maps.Keys(found)))
	}
	return b.Bytes(), nil
})

// typeCheck type-checks a generated Go file against coserrStub.
func typeCheck(goSrc []byte) error {
	stub, err := coserrStub()
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for name, src := range map[string][]byte{"stub.go": stub, "codes_gen.go": goSrc} {
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			return err
		}
		files = append(files, f)
	}
	_, err = (&types.Config{}).Check("coserr", fset, files, nil)
	return err
}

// goSpecs parses a Go output and returns its var specs by name, each with
// its doc comment: the spec's own in a var block, the declaration's when
// it declares one variable.
func goSpecs(t *testing.T, goSrc []byte) map[string]*ast.ValueSpec {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "codes_gen.go", goSrc, parser.ParseComments)
	require.NoError(t, err)
	specs := map[string]*ast.ValueSpec{}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				if vs.Doc == nil && !g.Lparen.IsValid() {
					vs.Doc = g.Doc
				}
				specs[vs.Names[0].Name] = vs
			}
		}
	}
	return specs
}

// stringField returns the value of a string field of the Code or Class
// literal that the sentinel name points into: var name = &codes[i].
func stringField(t *testing.T, specs map[string]*ast.ValueSpec, name, field string) string {
	t.Helper()
	require.NotNil(t, specs[name], "no var %s", name)
	ref := specs[name].Values[0].(*ast.UnaryExpr).X.(*ast.IndexExpr)
	i, err := strconv.Atoi(ref.Index.(*ast.BasicLit).Value)
	require.NoError(t, err)
	lit := specs[ref.X.(*ast.Ident).Name].Values[0].(*ast.CompositeLit).Elts[i].(*ast.CompositeLit)
	for _, e := range lit.Elts {
		kv := e.(*ast.KeyValueExpr)
		if kv.Key.(*ast.Ident).Name == field {
			s, err := strconv.Unquote(kv.Value.(*ast.BasicLit).Value)
			require.NoError(t, err)
			return s
		}
	}
	t.Fatalf("no field %s", field)
	return ""
}

// markdownRows returns the cells of the codes table's rows by Go name.
func markdownRows(t *testing.T, md []byte) map[string][]string {
	t.Helper()
	rows := map[string][]string{}
	section := ""
	for _, line := range strings.Split(string(md), "\n") {
		if strings.HasPrefix(line, "## ") {
			section = line
		}
		if section != "## Codes" || !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := splitRow(line)
		rows[strings.TrimSuffix(strings.TrimPrefix(cells[1], "`coserr."), "`")] = cells
	}
	return rows
}

// splitRow splits a GFM table row into its cells: at every vertical bar no
// backslash escapes, with a backslash escaping the character after it.
func splitRow(row string) []string {
	row = strings.TrimSpace(row)
	var cells []string
	var cur strings.Builder
	for i := 1; i < len(row); i++ { // row[0] is the leading bar
		switch c := row[i]; {
		case c == '\\' && i+1 < len(row):
			cur.WriteString(row[i : i+2])
			i++
		case c == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	return cells
}

// unescapeMarkdown undoes CommonMark backslash escapes of punctuation.
func unescapeMarkdown(s string) string {
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
