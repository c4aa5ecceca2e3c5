package coserr_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// TestRawChannelsDocumented: the ways of showing a ServiceError that
// show its secrets are the ones its documentation says do. A
// dereferenced ServiceError has none of the pointer's methods, so fmt
// and encoding/json show its fields as they are; Header, as Body, holds
// the response's values as received (a redirect's Location with a
// presigned URL).
func TestRawChannelsDocumented(t *testing.T) {
	h := http.Header{"Location": {"https://b.cos.ap-guangzhou.myqcloud.com/k?q-signature=SIGLEAK"}}
	se := &coserr.ServiceError{StatusCode: 403, Code: "AccessDenied", Message: "see https://b/k?q-ak=AKIDLEAK", Header: h}
	raw := map[string]string{
		"value %v":       fmt.Sprintf("%v", *se),
		"value %+v":      fmt.Sprintf("%+v", *se),
		"value %#v":      fmt.Sprintf("%#v", *se),
		"Header field":   fmt.Sprint(se.Header),
		"pointer %v":     fmt.Sprintf("%v", se),
		"pointer %#v":    fmt.Sprintf("%#v", se),
		"pointer header": fmt.Sprintf("%#v", se.Header),
	}
	docs := serviceErrorDocs(t)
	tests := []struct {
		channel  string
		leaks    bool
		doc      string // where the documentation says so
		mentions string
	}{
		{"value %v", true, "ServiceError", "a ServiceError value"},
		{"value %+v", true, "ServiceError", "a ServiceError value"},
		{"value %#v", true, "ServiceError", "a ServiceError value"},
		{"Header field", true, "Header", "secrets and all"},
		{"pointer %v", false, "", ""},
		{"pointer %#v", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.channel, func(t *testing.T) {
			leaks := strings.Contains(raw[tt.channel], "LEAK")
			require.Equal(t, tt.leaks, leaks, "%s shows %q", tt.channel, raw[tt.channel])
			if tt.leaks {
				assert.Contains(t, strings.ToLower(docs[tt.doc]), strings.ToLower(tt.mentions),
					"%s shows secrets; the documentation of %s does not say so", tt.channel, tt.doc)
			}
		})
	}
}

// serviceErrorDocs returns the doc comment of the ServiceError type (key
// "ServiceError") and the comment of each of its fields, by name.
func serviceErrorDocs(t *testing.T) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "service.go", nil, parser.ParseComments)
	require.NoError(t, err)
	docs := map[string]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		g, ok := n.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			return true
		}
		for _, s := range g.Specs {
			ts := s.(*ast.TypeSpec)
			if ts.Name.Name != "ServiceError" {
				continue
			}
			docs["ServiceError"] = strings.Join(strings.Fields(g.Doc.Text()), " ")
			for _, fld := range ts.Type.(*ast.StructType).Fields.List {
				for _, name := range fld.Names {
					docs[name.Name] = fld.Comment.Text() + fld.Doc.Text()
				}
			}
		}
		return false
	})
	require.NotEmpty(t, docs["ServiceError"])
	return docs
}
