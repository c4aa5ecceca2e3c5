package gen

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/cosgo/errcatalog/internal/diagnose"
)

// A kind is what a scalar value may be: a check for Load, and the JSON
// Schema that says the same to an editor.
type kind struct {
	want   string              // what a value of another YAML type must be: "a string"
	tag    string              // the YAML tag a value must have; "" for any scalar
	check  func(string) string // what is wrong with a value, or ""
	schema map[string]any
}

// A field is one key of a mapping: a scalar of a kind, or a list of them
// (item names one in messages) or of mappings of a shape.
type field struct {
	key, item, doc        string
	required, list, orOne bool // orOne: a single scalar is a list of one
	nonEmpty              bool
	kind                  *kind
	shape                 *shape
}

// A shape is a kind of mapping: the catalog, or an entry of a section.
type shape struct {
	name, def, doc string // def: its name under $defs when not name
	fields         []*field
}

// The HTTP statuses an error can have.
const minStatus, maxStatus = 300, 599

// scalar is the JSON type of a value of a kind any YAML scalar can have:
// Load reads the text of 404 or true, which YAML reads as a number or bool.
var scalar = []string{"string", "number", "boolean"}

// reKind is a kind of string that matches re; rule says so in messages.
func reKind(expr, rule string) *kind {
	re := regexp.MustCompile(expr)
	return &kind{want: "a string", schema: map[string]any{"type": scalar, "pattern": expr, "description": "It " + rule + "."},
		check: func(s string) string {
			if !re.MatchString(s) {
				return fmt.Sprintf("%q %s", s, rule)
			}
			return ""
		}}
}

var (
	text = &kind{want: "a string", check: func(s string) string { return textProblem(s, false) }, schema: map[string]any{"type": scalar,
		"description": "A text with something besides white space, and no control character other than white space, byte order mark or bidirectional control.",
		"allOf":       []any{map[string]any{"pattern": `\S`}, map[string]any{"pattern": "^[^\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufeff\u202a-\u202e\u2066-\u2069]*$"}}}}
	message = &kind{want: "a string", check: func(s string) string { return textProblem(s, true) }, schema: map[string]any{"type": scalar,
		"pattern": `^\s*[\p{L}\p{M}\p{N}\p{P}\p{S}][\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]*\s*$`, "description": "One line of printable characters."}}
	wire       = reKind("^[!-\\[\\]-_a-{}-~](?:[ -\\[\\]-_a-{}-~]*[!-\\[\\]-_a-{}-~])?$", "is not a wire spelling: want printable ASCII without `, \\ or |, and no space at either end")
	familyName = reKind(`^[A-Z][A-Za-z0-9]*$`, "must be ASCII letters and digits, starting with an upper-case letter")
	sourceID   = reKind(`^[a-z0-9]+(-[a-z0-9]+)*$`, "must be lowercase letters and digits, in words joined by '-'")
	// A URL in the characters an autolink in a Markdown table cell can hold.
	url   = reKind(`^https?://[!#-.0-;=?-\[\]-_a-{}~][!#-;=?-\[\]-_a-{}~]*$`, "must be an http or https URL of printable ASCII without space, \", <, >, \\, ` or |")
	ident = &kind{want: "a string", check: func(s string) string {
		if !token.IsIdentifier(s) || !token.IsExported(s) {
			return fmt.Sprintf("%q is not an exported Go identifier", s)
		}
		return ""
	}, schema: map[string]any{"type": scalar, "pattern": `^\p{Lu}[\p{L}\p{Nd}_]*$`, "description": "An exported Go identifier."}}
	status = &kind{want: "an HTTP status", tag: "!!int", check: func(s string) string {
		if n, err := strconv.Atoi(s); err != nil || n < minStatus || n > maxStatus {
			return fmt.Sprintf("%s is outside %d..%d", s, minStatus, maxStatus)
		}
		return ""
	}, schema: map[string]any{"type": "integer", "minimum": minStatus, "maximum": maxStatus}}
	boolean = &kind{want: "true or false", tag: "!!bool", check: func(string) string { return "" },
		schema: map[string]any{"type": "boolean"}}
	check = &kind{want: "a string", check: func(s string) string {
		if !slices.Contains(diagnose.Checks, s) {
			return fmt.Sprintf("%q is no check; want one of %s", s, strings.Join(diagnose.Checks, ", "))
		}
		return ""
	}, schema: map[string]any{"type": "string", "enum": diagnose.Checks}}
)

var (
	sources = &field{key: "sources", item: "source", doc: "The ids of the sources it comes from, declared in the sources section.",
		required: true, list: true, nonEmpty: true, kind: sourceID}
	hints = &field{key: "hints", doc: "Likely causes and what to do about each, most likely first; no cause or fix may be another entry's word for word.",
		required: true, list: true, nonEmpty: true, shape: &shape{name: "hint", doc: "One likely cause and what to do about it.", fields: []*field{
			{key: "message", doc: "The <Message> COS sends for this cause, when it names it.", kind: message},
			{key: "cause", doc: "A likely cause, in a sentence of our own words.", required: true, kind: text},
			{key: "fix", doc: "What to do about it, in a sentence.", required: true, kind: text},
			sources}}}
	rootShape = &shape{name: "catalog", doc: "catalog.yaml: every Tencent Cloud COS error code. errgen generates this schema from its rules and checks more: duplicates, references, unused families and sources, the order of the codes, hints copied from another entry.", fields: []*field{
		{key: "families", doc: "Who sends the codes.", required: true, list: true, shape: &shape{name: "family", doc: "A part of COS that sends error codes.", fields: []*field{
			{key: "name", doc: "The family's name.", required: true, kind: familyName},
			{key: "description", doc: "Which part of COS it is and how its errors look.", required: true, kind: text}}}},
		{key: "sources", doc: "Where the facts come from.", required: true, list: true, shape: &shape{name: "source", doc: "A document or program facts come from.", fields: []*field{
			{key: "id", doc: "The id entries cite it by.", required: true, kind: sourceID},
			{key: "url", doc: "Where to read it.", required: true, kind: url},
			{key: "title", doc: "What it is, in a line.", required: true, kind: text}}}},
		{key: "classes", doc: "The classes of codes, each the sentinel coserr.Err<name>.", required: true, list: true, shape: &shape{name: "class", doc: "What the caller can do about its codes.", fields: []*field{
			{key: "name", doc: "The class's name.", required: true, kind: ident},
			{key: "description", doc: "What its codes have in common, in a sentence.", required: true, kind: text},
			hints}}},
		{key: "codes", doc: "Every COS error code, in the byte order of code.", required: true, list: true, shape: &shape{name: "code", doc: "One COS error code.", fields: []*field{
			{key: "code", doc: "The wire spelling, exactly as COS sends it; without name, an exported Go identifier.", required: true, kind: wire},
			{key: "name", doc: "The Go name, only where code is no exported Go identifier.", kind: ident},
			{key: "aliases", item: "alias", doc: "Other wire spellings COS has sent for the code.", list: true, kind: wire},
			{key: "status", item: "status", doc: "The HTTP status, or a list with the primary first; [] when no source gives one.", required: true, list: true, orOne: true, kind: status},
			{key: "class", doc: "One of the classes.", required: true, kind: ident},
			{key: "retryable", doc: "Whether the request is worth sending again as it is.", required: true, kind: boolean},
			{key: "why", doc: "Why retryable is what it is, in a line; required when retryable is true or a status is 5xx, 408 or 429.", kind: text},
			{key: "families", item: "family", doc: "The families that send the code.", required: true, list: true, nonEmpty: true, kind: familyName},
			{key: "sent_as", doc: "How COS sends the code inside another one.", list: true, shape: &shape{name: "sent_as entry", def: "sentAs", doc: "A code and message COS sends in place of this one.", fields: []*field{
				{key: "code", doc: "The wire spelling of another code of the catalog.", required: true, kind: wire},
				{key: "message", doc: "The <Message> that names the cause.", required: true, kind: message}}}},
			{key: "clock_skew", doc: "Whether the code can mean that the local clock is wrong.", kind: boolean},
			{key: "checks", item: "check", doc: "What coserr.Diagnose checks the request and response for besides the class's and the clock's: signature (the FormatString COS computed against the request's), cors (the request's Origin against the bucket's CORS rules).", list: true, kind: check},
			sources,
			{key: "description", doc: "What the code means, in a sentence; the sentinel's doc comment is made of it.", required: true, kind: text},
			hints}}},
	}}
)

// keys lists the keys of s, for messages.
func (s *shape) keys() string {
	var k []string
	for _, f := range s.fields {
		k = append(k, f.key)
	}
	return strings.Join(k, ", ")
}

// textProblem says what keeps s from being a text, or returns "": a
// control character other than space (it breaks Go or Markdown; a bidi one
// misleads); in a message (graphic), printed as is, any non-printable one.
func textProblem(s string, graphic bool) string {
	for _, r := range strings.TrimSpace(s) {
		switch {
		case graphic && (!unicode.IsGraphic(r) || r == unicode.ReplacementChar):
			return fmt.Sprintf("has non-printable character %U", r)
		case !graphic && !unicode.IsSpace(r) && (unicode.IsControl(r) || r == 0xFEFF || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069):
			return fmt.Sprintf("has control character %U", r)
		}
	}
	if strings.TrimSpace(s) == "" {
		return "is empty"
	}
	return ""
}

// Schema renders the rule table as catalog.schema.json, for editors that
// speak the YAML language server; the rules across entries are Load's.
func Schema() []byte {
	defs := map[string]any{}
	var shapeSchema func(s *shape) map[string]any
	shapeSchema = func(s *shape) map[string]any {
		props, required := map[string]any{}, []string{}
		for _, f := range s.fields {
			var item map[string]any
			if f.kind != nil {
				item = f.kind.schema
			} else {
				name := cmp.Or(f.shape.def, f.shape.name)
				defs[name], item = shapeSchema(f.shape), map[string]any{"$ref": "#/$defs/" + name}
			}
			list := map[string]any{"type": "array", "items": item, "uniqueItems": f.shape == nil}
			if f.nonEmpty {
				list["minItems"] = 1
			}
			p := maps.Clone(item)
			switch {
			case f.orOne:
				p = map[string]any{"oneOf": []any{item, list}}
			case f.list:
				p = list
			}
			p["description"], props[f.key] = f.doc, p
			if f.required {
				required = append(required, f.key)
			}
		}
		return map[string]any{"description": s.doc, "type": "object", "additionalProperties": false, "required": required, "properties": props}
	}
	root := shapeSchema(rootShape)
	root["$schema"], root["$id"] = "https://json-schema.org/draft/2020-12/schema", "https://github.com/cosgo/errcatalog/catalog.schema.json"
	root["title"], root["$defs"] = "errcatalog catalog ("+header[3:]+")", defs
	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err) // maps of strings, numbers and slices always encode
	}
	for _, r := range "\u007f\u0084\u0086\u009f\ufeff\u202a\u202e\u2066\u2069" { // JSON escapes, not invisible characters
		b = bytes.ReplaceAll(b, []byte(string(r)), fmt.Appendf(nil, `\u%04x`, r))
	}
	return append(b, '\n')
}
