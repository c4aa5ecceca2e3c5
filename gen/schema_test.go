package gen_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/cosgo/errcatalog/gen"
	"github.com/cosgo/errcatalog/internal/statusrule"
)

// The schema for editors, catalog.schema.json, must agree with gen: these
// tests compare its keys, required keys, bounds and reserved names with
// gen's, validate the real catalog, and check that catalogs gen rejects
// for a reason a schema can see are rejected by the schema too, and that
// odd but valid ones pass both.
//
// What no JSON Schema can see is left to errgen: duplicate codes, aliases,
// Go names, families and sources across entries; references to classes,
// families, sources and codes that are not declared; families and sources
// no code uses; the order of the codes; anchors and aliases; and YAML
// spellings that JSON cannot tell apart (404.0 and 0x194
// are the integer 404 to a schema but not to gen).

const schemaFile = "../catalog.schema.json"

// loadSchema returns the schema compiled (and so checked against the
// draft 2020-12 metaschema) and as a raw document.
func loadSchema(t *testing.T) (*jsonschema.Schema, map[string]any) {
	t.Helper()
	src, err := os.ReadFile(schemaFile)
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("catalog.schema.json", doc))
	sch, err := c.Compile("catalog.schema.json")
	require.NoError(t, err, "compile %s", schemaFile)
	var raw map[string]any
	require.NoError(t, json.Unmarshal(src, &raw))
	return sch, raw
}

// yamlToJSON gives the value an editor's YAML language server validates:
// YAML 1.2 core types, mapping keys as strings.
func yamlToJSON(t *testing.T, src []byte) any {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(src, &doc))
	if len(doc.Content) == 0 {
		return nil
	}
	b, err := json.Marshal(nodeValue(doc.Content[0]))
	require.NoError(t, err)
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	return v
}

func nodeValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = nodeValue(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := []any{}
		for _, c := range n.Content {
			s = append(s, nodeValue(c))
		}
		return s
	case yaml.AliasNode:
		return nodeValue(n.Alias)
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!int":
		var i int64
		if n.Decode(&i) == nil {
			return i
		}
	case "!!float":
		var f float64
		if n.Decode(&f) == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f
		}
	}
	return n.Value
}

// def returns the schema object at a path of keys.
func def(t *testing.T, raw map[string]any, path ...string) map[string]any {
	t.Helper()
	cur := raw
	for _, p := range path {
		next, ok := cur[p].(map[string]any)
		require.True(t, ok, "schema has no object at %v", path)
		cur = next
	}
	return cur
}

func keysOf(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }

func stringList(t *testing.T, v any) []string {
	t.Helper()
	list, ok := v.([]any)
	require.True(t, ok, "%v is not a list", v)
	var out []string
	for _, x := range list {
		out = append(out, x.(string))
	}
	return out
}

func sorted(s []string) []string { return slices.Sorted(slices.Values(s)) }

func TestSchemaMatchesGen(t *testing.T) {
	_, raw := loadSchema(t)
	objects := []struct {
		name string
		obj  map[string]any
		keys []string
	}{
		{"root", raw, gen.RootKeys()},
		{"family", def(t, raw, "$defs", "family"), gen.FamilyKeys()},
		{"source", def(t, raw, "$defs", "source"), gen.SourceKeys()},
		{"class", def(t, raw, "$defs", "class"), gen.ClassKeys()},
		{"code", def(t, raw, "$defs", "code"), gen.CodeKeys()},
		{"sentAs", def(t, raw, "$defs", "sentAs"), gen.SentAsKeys()},
	}
	for _, o := range objects {
		t.Run(o.name, func(t *testing.T) {
			assert.Equal(t, sorted(o.keys), keysOf(def(t, o.obj, "properties")), "keys")
			assert.Equal(t, false, o.obj["additionalProperties"], "unknown keys must be errors")
			assert.Equal(t, requiredByGen(t, o.name, o.keys), sorted(stringList(t, o.obj["required"])), "required keys")
		})
	}
	class, code := def(t, raw, "$defs", "class"), def(t, raw, "$defs", "code")
	t.Run("status bounds", func(t *testing.T) {
		st := def(t, raw, "$defs", "httpStatus")
		assert.Equal(t, float64(gen.MinStatus), st["minimum"])
		assert.Equal(t, float64(gen.MaxStatus), st["maximum"])
		assert.Equal(t, "integer", st["type"])
	})
	t.Run("fallback classes", func(t *testing.T) {
		var names []string
		for _, c := range def(t, raw, "properties", "classes")["allOf"].([]any) {
			name := c.(map[string]any)["contains"].(map[string]any)["properties"].(map[string]any)["name"].(map[string]any)
			names = append(names, name["const"].(string))
		}
		assert.Equal(t, statusrule.Classes, names)
	})
	t.Run("reserved names", func(t *testing.T) {
		not := def(t, raw, "$defs", "goName", "not")
		assert.Equal(t, sorted(gen.Reserved()), sorted(stringList(t, not["enum"])))
		// gen refuses a class whose Err name is reserved; the schema
		// excludes the class names that would make one.
		var errNames []string
		for _, r := range gen.Reserved() {
			if name, ok := strings.CutPrefix(r, "Err"); ok {
				errNames = append(errNames, name)
			}
		}
		excluded := def(t, class, "properties", "name", "not")
		assert.Equal(t, sorted(errNames), sorted(stringList(t, excluded["enum"])), "class names whose Err name is reserved")
	})
	t.Run("classes of the real catalog are the examples", func(t *testing.T) {
		cat := loadReal(t)
		var names []string
		for _, c := range cat.Classes {
			names = append(names, c.Name)
		}
		assert.Equal(t, names, stringList(t, def(t, class, "properties", "name")["examples"]))
		assert.Equal(t, names, stringList(t, def(t, code, "properties", "class")["examples"]))
	})
}

func TestSchemaValidatesRealCatalog(t *testing.T) {
	sch, _ := loadSchema(t)
	src, err := os.ReadFile("../catalog.yaml")
	require.NoError(t, err)
	first, _, _ := strings.Cut(string(src), "\n")
	assert.Equal(t, "# yaml-language-server: $schema=./catalog.schema.json", first, "catalog.yaml's modeline")
	assert.NoError(t, sch.Validate(yamlToJSON(t, src)))
}
