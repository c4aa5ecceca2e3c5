package gen

import (
	"bytes"
	"cmp"
	"encoding/json"
	"maps"
)

// Schema renders the rule table as catalog.schema.json, the JSON Schema
// that gives editors which speak the YAML language server completion and
// checking for catalog.yaml. It checks each value as Load does; the rules
// across entries are Load's alone.
func Schema() []byte {
	defs := map[string]any{}
	var shapeSchema func(s *shape) map[string]any
	fieldSchema := func(f *field) map[string]any {
		var item map[string]any
		if f.shape != nil {
			name := cmp.Or(f.shape.def, f.shape.name)
			defs[name] = shapeSchema(f.shape)
			item = map[string]any{"$ref": "#/$defs/" + name}
		} else {
			d := maps.Clone(f.kind.schema)
			if f.kind.tag == "" && d["$ref"] == nil {
				d["type"] = []string{"string", "number", "boolean"} // YAML reads 404 as a number; Load reads its text
			}
			d["description"] = f.kind.doc
			defs[f.kind.name] = d
			item = map[string]any{"$ref": "#/$defs/" + f.kind.name}
		}
		if !f.list {
			item["description"] = f.doc
			return item
		}
		list := map[string]any{"description": f.doc, "type": "array", "items": item}
		if f.shape == nil {
			list["uniqueItems"] = true
		}
		if f.nonEmpty {
			list["minItems"] = 1
		}
		if f.orOne {
			delete(list, "description")
			return map[string]any{"description": f.doc, "oneOf": []any{item, list}}
		}
		return list
	}
	shapeSchema = func(s *shape) map[string]any {
		props := map[string]any{}
		required := []string{}
		for _, f := range s.fields {
			props[f.key] = fieldSchema(f)
			if f.required {
				required = append(required, f.key)
			}
		}
		return map[string]any{"description": s.doc, "type": "object", "additionalProperties": false,
			"required": required, "properties": props}
	}
	root := shapeSchema(rootShape)
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://github.com/cosgo/errcatalog/catalog.schema.json"
	root["title"] = "errcatalog catalog (" + header[3:] + ")"
	root["$defs"] = defs
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		panic(err) // maps of strings, numbers and slices always encode
	}
	return b.Bytes()
}
