package gen_test

import (
	"bytes"
	"encoding/json"
	"fmt"
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
)

// The schema for editors, catalog.schema.json, must agree with gen: these
// tests compare its keys, required keys, bounds and reserved names with
// gen's, validate the real catalog, and check that catalogs gen rejects
// for a reason a schema can see are rejected by the schema too, and that
// odd but valid ones pass both.
//
// What no JSON Schema can see is left to errgen: duplicate codes, aliases
// and Go names across entries, a class that is not declared, anchors and
// aliases, and YAML spellings that JSON cannot tell apart (404.0 and 0x194
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
	root, class, code := raw, def(t, raw, "$defs", "class"), def(t, raw, "$defs", "code")

	t.Run("keys", func(t *testing.T) {
		assert.Equal(t, sorted(gen.RootKeys()), keysOf(def(t, root, "properties")), "root keys")
		assert.Equal(t, sorted(gen.ClassKeys()), keysOf(def(t, class, "properties")), "class keys")
		assert.Equal(t, sorted(gen.CodeKeys()), keysOf(def(t, code, "properties")), "code keys")
		for name, obj := range map[string]map[string]any{"root": root, "class": class, "code": code} {
			assert.Equal(t, false, obj["additionalProperties"], "%s: unknown keys must be errors", name)
		}
	})
	t.Run("required", func(t *testing.T) {
		assert.Equal(t, requiredByGen(t, "root", gen.RootKeys()), sorted(stringList(t, root["required"])))
		assert.Equal(t, requiredByGen(t, "class", gen.ClassKeys()), sorted(stringList(t, class["required"])))
		assert.Equal(t, requiredByGen(t, "code", gen.CodeKeys()), sorted(stringList(t, code["required"])))
	})
	t.Run("status bounds", func(t *testing.T) {
		st := def(t, raw, "$defs", "httpStatus")
		assert.Equal(t, float64(gen.MinStatus), st["minimum"])
		assert.Equal(t, float64(gen.MaxStatus), st["maximum"])
		assert.Equal(t, "integer", st["type"])
	})
	t.Run("reserved names", func(t *testing.T) {
		not := def(t, raw, "$defs", "goName", "not")
		assert.Equal(t, sorted(gen.Reserved), sorted(stringList(t, not["enum"])))
		// gen refuses a class whose Err name is reserved; the schema
		// excludes the class names that would make one.
		var errNames []string
		for _, r := range gen.Reserved {
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

// minimal is a valid catalog with one class and one code, each with every
// key; the tests below cut and change it.
var minimal = map[string]string{
	"root":  "classes:\n%s\ncodes:\n%s\n",
	"class": "  - name: NotFound\n    description: Nothing there.",
	"code":  "  - code: no-such-key\n    name: NoSuchKey\n    aliases: [NoSuchKee]\n    status: [404, 400]\n    class: NotFound\n    retryable: false\n    description: The key does not exist.",
}

func catalogOf(class, code string) []byte {
	return []byte(fmt.Sprintf(minimal["root"], class, code))
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
			parts := map[string]string{"classes": "classes:\n" + minimal["class"] + "\n", "codes": "codes:\n" + minimal["code"] + "\n"}
			delete(parts, k)
			src = []byte(parts["classes"] + parts["codes"])
		case "class":
			src = catalogOf(dropKey(minimal["class"], k), minimal["code"])
		case "code":
			src = catalogOf(minimal["class"], dropKey(minimal["code"], k))
		}
		_, err := gen.Load("t.yaml", src)
		if err != nil && strings.Contains(err.Error(), fmt.Sprintf("missing key %q", k)) {
			req = append(req, k)
		}
	}
	return sorted(req)
}

// dropKey removes the line of key from a list entry, which stays a list
// entry.
func dropKey(entry, key string) string {
	var out []string
	for _, l := range strings.Split(entry, "\n") {
		if !strings.HasPrefix(strings.TrimLeft(strings.TrimPrefix(l, "  - "), " "), key+":") {
			out = append(out, "    "+strings.TrimLeft(strings.TrimPrefix(l, "  - "), " "))
		}
	}
	out[0] = "  - " + strings.TrimLeft(out[0], " ")
	return strings.Join(out, "\n")
}

func loadReal(t *testing.T) *gen.Catalog {
	t.Helper()
	src, err := os.ReadFile("../catalog.yaml")
	require.NoError(t, err)
	cat, err := gen.Load("catalog.yaml", src)
	require.NoError(t, err)
	return cat
}

func TestSchemaValidatesRealCatalog(t *testing.T) {
	sch, _ := loadSchema(t)
	src, err := os.ReadFile("../catalog.yaml")
	require.NoError(t, err)
	first, _, _ := strings.Cut(string(src), "\n")
	assert.Equal(t, "# yaml-language-server: $schema=./catalog.schema.json", first, "catalog.yaml's modeline")
	assert.NoError(t, sch.Validate(yamlToJSON(t, src)))
}

// entry is the minimal code entry with one line replaced or added: key
// "status" and value "600" give "status: 600"; an empty value drops it.
func entry(key, value string) string {
	e := dropKey(minimal["code"], key)
	if value == "" {
		return e
	}
	return e + "\n    " + key + ": " + value
}

func TestSchemaAgreesWithGen(t *testing.T) {
	sch, _ := loadSchema(t)
	cls, code := minimal["class"], minimal["code"]
	tests := []struct {
		name  string
		src   string
		valid bool // for gen, and so for the schema
	}{
		{"minimal", string(catalogOf(cls, code)), true},
		{"code only, no name", string(catalogOf(cls, "  - code: NoSuchKey\n    status: 404\n    class: NotFound\n    retryable: true\n    description: Gone.")), true},
		{"empty lists", "classes: []\ncodes: []\n", true},
		{"no aliases key", string(catalogOf(cls, entry("aliases", ""))), true},
		{"empty aliases", string(catalogOf(cls, entry("aliases", "[]"))), true},
		{"one status", string(catalogOf(cls, entry("status", "599"))), true},
		{"lowest status", string(catalogOf(cls, entry("status", "300"))), true},
		{"numeric wire code with a name", string(catalogOf(cls, strings.Replace(code, "code: no-such-key", "code: 404", 1))), true},
		{"reserved wire code with a name", string(catalogOf(cls, strings.Replace(code, "code: no-such-key", "code: Lookup", 1))), true},
		{"unicode identifier", string(catalogOf(cls, entry("name", "Ñame_2"))), true},
		{"numeric description", string(catalogOf(cls, entry("description", "42"))), true},
		{"quoted description", string(catalogOf(cls, entry("description", `" x "`))), true},
		{"description with tabs and line breaks", string(catalogOf(cls, entry("description", `"a\tb\nc\u00a0d\x85e"`))), true},
		{"description in Chinese", string(catalogOf(cls, entry("description", "指定的存储桶不存在。"))), true},
		{"wire spelling with inner spaces and symbols", string(catalogOf(cls, strings.Replace(code, "code: no-such-key", `code: "No Such.Key_(1)!~{}[]"`, 1))), true},
		{"alias with punctuation", string(catalogOf(cls, entry("aliases", `["a-b.c", "x:y"]`))), true},

		{"root is a list", "- classes\n- codes\n", false},
		{"unknown root key", string(catalogOf(cls, code)) + "extra: 1\n", false},
		{"no classes", "codes: []\n", false},
		{"no codes", "classes: []\n", false},
		{"classes not a list", "classes: {}\ncodes: []\n", false},
		{"classes null", "classes:\ncodes: []\n", false},
		{"codes a mapping", "classes: []\ncodes: {a: 1}\n", false},
		{"class entry a string", string(catalogOf("  - NotFound", "")), false},
		{"unknown class key", string(catalogOf(cls+"\n    color: red", "")), false},
		{"class without name", string(catalogOf(dropKey(cls, "name"), "")), false},
		{"class without description", string(catalogOf(dropKey(cls, "description"), "")), false},
		{"class name lower case", string(catalogOf(strings.Replace(cls, "NotFound", "notFound", 1), "")), false},
		{"class name with a dash", string(catalogOf(strings.Replace(cls, "NotFound", "Not-Found", 1), "")), false},
		{"class description empty", string(catalogOf(strings.Replace(cls, "Nothing there.", `""`, 1), "")), false},
		{"class description blank", string(catalogOf(strings.Replace(cls, "Nothing there.", `"  \t"`, 1), "")), false},
		{"class description null", string(catalogOf(strings.Replace(cls, "Nothing there.", "~", 1), "")), false},
		{"code entry a list", string(catalogOf(cls, "  - [a, b]")), false},
		{"unknown code key", string(catalogOf(cls, code+"\n    http: 404")), false},
		{"misspelled key", string(catalogOf(cls, strings.Replace(code, "retryable:", "retriable:", 1))), false},
		{"no code", string(catalogOf(cls, entry("code", ""))), false},
		{"no status", string(catalogOf(cls, entry("status", ""))), false},
		{"no class", string(catalogOf(cls, entry("class", ""))), false},
		{"no retryable", string(catalogOf(cls, entry("retryable", ""))), false},
		{"no description", string(catalogOf(cls, entry("description", ""))), false},
		{"empty code", string(catalogOf(cls, entry("code", `""`))), false},
		{"null code", string(catalogOf(cls, entry("code", "~"))), false},
		{"code no identifier, no name", string(catalogOf(cls, entry("name", ""))), false},
		{"code reserved, no name", string(catalogOf(cls, strings.Replace(entry("name", ""), "no-such-key", "Lookup", 1))), false},
		{"code RetryAfter, no name", string(catalogOf(cls, strings.Replace(entry("name", ""), "no-such-key", "RetryAfter", 1))), false},
		{"name lower case", string(catalogOf(cls, entry("name", "noSuchKey"))), false},
		{"name reserved", string(catalogOf(cls, entry("name", "ServiceError"))), false},
		{"name a number", string(catalogOf(cls, entry("name", "404"))), false},
		{"name null", string(catalogOf(cls, entry("name", "~"))), false},
		{"aliases a string", string(catalogOf(cls, entry("aliases", "NoSuchKee"))), false},
		{"aliases null", string(catalogOf(cls, entry("aliases", "~"))), false},
		{"alias empty", string(catalogOf(cls, entry("aliases", `[""]`))), false},
		{"alias null", string(catalogOf(cls, entry("aliases", "[~]"))), false},
		{"alias twice", string(catalogOf(cls, entry("aliases", "[A, A]"))), false},
		{"alias not ASCII", string(catalogOf(cls, entry("aliases", "[NoSuchKéy]"))), false},
		{"alias with a backquote", string(catalogOf(cls, entry("aliases", "[\"a`b\"]"))), false},
		{"alias with a backslash", string(catalogOf(cls, entry("aliases", `["a\\b"]`))), false},
		{"alias with a bar", string(catalogOf(cls, entry("aliases", `["a|b"]`))), false},
		{"alias with a tab", string(catalogOf(cls, entry("aliases", `["a\tb"]`))), false},
		{"alias with a leading space", string(catalogOf(cls, entry("aliases", `[" ab"]`))), false},
		{"alias with a trailing space", string(catalogOf(cls, entry("aliases", `["ab "]`))), false},
		{"code with a bar, named", string(catalogOf(cls, strings.Replace(code, "code: no-such-key", `code: "a|b"`, 1))), false},
		{"status too low", string(catalogOf(cls, entry("status", "299"))), false},
		{"status too high", string(catalogOf(cls, entry("status", "600"))), false},
		{"status 200 in a list", string(catalogOf(cls, entry("status", "[404, 200]"))), false},
		{"status a string", string(catalogOf(cls, entry("status", `"404"`))), false},
		{"status a word", string(catalogOf(cls, entry("status", "NotFound"))), false},
		{"status null", string(catalogOf(cls, entry("status", "~"))), false},
		{"status empty list", string(catalogOf(cls, entry("status", "[]"))), false},
		{"status twice", string(catalogOf(cls, entry("status", "[404, 404]"))), false},
		{"status a mapping", string(catalogOf(cls, entry("status", "{primary: 404}"))), false},
		{"class a number", string(catalogOf(cls, entry("class", "404"))), false},
		{"class null", string(catalogOf(cls, entry("class", "~"))), false},
		{"class lower case", string(catalogOf(cls, entry("class", "notFound"))), false},
		{"retryable a string", string(catalogOf(cls, entry("retryable", `"true"`))), false},
		{"retryable yes", string(catalogOf(cls, entry("retryable", "yes"))), false},
		{"retryable a number", string(catalogOf(cls, entry("retryable", "1"))), false},
		{"retryable null", string(catalogOf(cls, entry("retryable", "~"))), false},
		{"description empty", string(catalogOf(cls, entry("description", `""`))), false},
		{"description blank", string(catalogOf(cls, entry("description", `"   "`))), false},
		{"description unicode blank", string(catalogOf(cls, entry("description", `"\u00a0\u2003\x85\v\t"`))), false},
		{"description null", string(catalogOf(cls, entry("description", "~"))), false},
		{"description with a control character", string(catalogOf(cls, entry("description", `"bell\x07"`))), false},
		{"description with DEL", string(catalogOf(cls, entry("description", `"del\x7f"`))), false},
		{"description with a C1 control", string(catalogOf(cls, entry("description", `"c1\x9b"`))), false},
		{"description with a byte order mark", string(catalogOf(cls, entry("description", `"bom\ufeff"`))), false},
		{"description with a bidi override", string(catalogOf(cls, entry("description", `"abc\u202edef"`))), false},
		{"description with a bidi isolate", string(catalogOf(cls, entry("description", `"abc\u2067def"`))), false},
		{"class description with a control character", string(catalogOf(strings.Replace(cls, "Nothing there.", `"nul\0"`, 1), "")), false},
		{"description a list", string(catalogOf(cls, entry("description", "[a]"))), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, genErr := gen.Load("t.yaml", []byte(tt.src))
			require.Equal(t, tt.valid, genErr == nil, "gen.Load(%q) = %v; want valid %v", tt.src, genErr, tt.valid)
			schemaErr := sch.Validate(yamlToJSON(t, []byte(tt.src)))
			assert.Equal(t, tt.valid, schemaErr == nil, "schema validation of %q = %v; want valid %v (gen says %v)", tt.src, schemaErr, tt.valid, genErr)
		})
	}
}
