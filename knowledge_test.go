package errcatalog_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNoHandWrittenCodes: what a code means lives in catalog.yaml, so no
// hand-written Go file of the module (tests and generated files aside)
// holds a catalog code, or a message COS sends one in (sent_as), as a
// string literal, compared without case or surrounding space: a rule
// that names one decides by a list the catalog does not know of. A
// class's name is no code (package statusrule names the classes of the
// status rule).
func TestNoHandWrittenCodes(t *testing.T) {
	cat := loadCatalog(t)
	known, classes := map[string]string{}, map[string]bool{}
	for _, c := range cat.Classes {
		classes[c.Name] = true
	}
	for _, k := range cat.Codes {
		known[strings.ToLower(k.Code)] = "code " + k.Code
		for _, a := range k.Aliases {
			known[strings.ToLower(a)] = "alias of " + k.Code
		}
	}
	for _, k := range cat.Codes {
		for _, s := range k.SentAs {
			if m := strings.ToLower(s.Message); known[m] == "" {
				known[m] = "the message COS sends " + k.Code + " in"
			}
		}
	}
	tests := []struct {
		dir  string
		deep bool
	}{
		{"coserr", false}, {"coserr/internal", true}, {"internal", true}, {"gen", true}, {"cmd", true},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			err := filepath.WalkDir(tt.dir, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if d.IsDir() {
					if path != tt.dir && (!tt.deep || d.Name() == "testdata") {
						return filepath.SkipDir
					}
					return nil
				}
				if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || strings.HasSuffix(path, "_gen.go") {
					return nil
				}
				f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
				require.NoError(t, err)
				ast.Inspect(f, func(n ast.Node) bool {
					lit, ok := n.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						return true
					}
					s, err := strconv.Unquote(lit.Value)
					if err != nil {
						return true
					}
					if what, ok := known[strings.ToLower(strings.TrimSpace(s))]; ok && !classes[s] {
						assert.Fail(t, "hand-written code knowledge", "%s holds %s (%s): say it in catalog.yaml", path, lit.Value, what)
					}
					return true
				})
				return nil
			})
			require.NoError(t, err)
		})
	}
}
