package gen

import (
	"fmt"
	"go/token"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rule table: every key of every kind of entry, what its value may be
// and what it means. Load checks values by it, and Schema renders it as
// catalog.schema.json, so the editor's rules and errgen's are the same.
// The rules across entries (duplicates, references, order, hints copied
// from another entry) are in load.go.

// A kind is what a scalar value may be: a check for Load and the JSON
// Schema that says the same for an editor.
type kind struct {
	name   string              // its name under $defs in the schema
	doc    string              // what it is, for the schema
	want   string              // what the value must be, for messages: "true or false"
	tag    string              // the YAML tag the value must have, or "" for any scalar
	check  func(string) string // the problem with a value, or ""
	schema map[string]any      // its JSON Schema, without description
}

// A field is one key of a mapping.
type field struct {
	key      string
	item     string // what an item of a list of scalars is, for messages: "family"
	doc      string
	required bool
	kind     *kind  // a scalar of this kind, or the items of a list
	shape    *shape // the items of a list, when they are mappings
	list     bool   // a list (a single scalar is allowed too when orOne)
	orOne    bool
	nonEmpty bool
}

// A shape is a kind of mapping: the catalog, or an entry of a section.
type shape struct {
	name   string // "code", "sent_as entry"
	def    string // its name under $defs in the schema, when not name
	doc    string
	fields []*field
}

// Limits a catalog can meet: statuses are those of HTTP errors.
const (
	minStatus = 300
	maxStatus = 599
)

var (
	textPattern = "^[^\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufeff\u202a-\u202e\u2066-\u2069]*$"
	wireRE      = regexp.MustCompile(`^[!-\[\]-_a-{}-~](?:[ -\[\]-_a-{}-~]*[!-\[\]-_a-{}-~])?$`)
	familyRE    = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	sourceRE    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	// An http(s) URL with a host, in the characters an autolink in a
	// Markdown table cell can hold.
	urlRE = regexp.MustCompile(`^https?://[!#-.0-;=?-\[\]-_a-{}~][!#-;=?-\[\]-_a-{}~]*$`)
)

// pattern is the JSON Schema of a string matching re.
func pattern(re *regexp.Regexp) map[string]any {
	return map[string]any{"type": "string", "pattern": re.String()}
}

// matches is a check that a value matches re.
func matches(re *regexp.Regexp, rule string) func(string) string {
	return func(s string) string {
		if !re.MatchString(s) {
			return fmt.Sprintf("%q %s", s, rule)
		}
		return ""
	}
}

var (
	text = &kind{name: "text", want: "a string", doc: "A text with something besides white space, and no control character other than white space, byte order mark or bidirectional control.",
		check: textProblem, schema: map[string]any{"type": "string", "allOf": []any{
			map[string]any{"pattern": `\S`}, map[string]any{"pattern": textPattern}}}}
	line = &kind{name: "line", want: "a string", doc: "A text on one line.",
		check: func(s string) string {
			if p := textProblem(s); p != "" {
				return p
			}
			if strings.ContainsAny(strings.TrimSpace(s), "\n\r\u0085\u2028\u2029") {
				return "must be one line"
			}
			return ""
		}, schema: map[string]any{"$ref": "#/$defs/text", "pattern": "^\\s*[^\n\r\u0085\u2028\u2029]*\\s*$"}}
	message = &kind{name: "message", want: "a string", doc: "The exact <Message> COS sends: one line of printable characters.",
		check: messageProblem, schema: map[string]any{"type": "string", "pattern": `^\s*[\p{L}\p{M}\p{N}\p{P}\p{S}][\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]*\s*$`}}
	wire = &kind{name: "wire", want: "a string", doc: "A wire spelling of a code: printable ASCII without `, \\ or |, and no space at either end.",
		check: matches(wireRE, "is not a wire spelling: want printable ASCII without `, \\ or |, and no space at either end"), schema: pattern(wireRE)}
	ident = &kind{name: "identifier", want: "a string", doc: "An exported Go identifier.",
		check: func(s string) string {
			if !token.IsIdentifier(s) || !token.IsExported(s) {
				return fmt.Sprintf("%q is not an exported Go identifier", s)
			}
			return ""
		}, schema: map[string]any{"type": "string", "pattern": `^\p{Lu}[\p{L}\p{Nd}_]*$`}}
	familyName = &kind{name: "familyName", want: "a string", doc: "ASCII letters and digits, starting with an upper-case letter.",
		check: matches(familyRE, "must be ASCII letters and digits, starting with an upper-case letter"), schema: pattern(familyRE)}
	sourceID = &kind{name: "sourceId", want: "a string", doc: "Lowercase letters and digits in words joined by single hyphens.",
		check: matches(sourceRE, "must be lowercase letters and digits, in words joined by '-'"), schema: pattern(sourceRE)}
	url = &kind{name: "url", want: "a string", doc: "An http or https URL with a host, of printable ASCII without space, \", <, >, \\, ` or |.",
		check: matches(urlRE, "must be an http or https URL of printable ASCII without space, \", <, >, \\, ` or |"), schema: pattern(urlRE)}
	status = &kind{name: "httpStatus", want: "an HTTP status", tag: "!!int", doc: "An HTTP status of an error.",
		check: func(s string) string {
			switch n, err := strconv.Atoi(s); {
			case err != nil:
				return s + " is not a decimal HTTP status"
			case n < minStatus || n > maxStatus:
				return fmt.Sprintf("%d is outside %d..%d", n, minStatus, maxStatus)
			}
			return ""
		}, schema: map[string]any{"type": "integer", "minimum": minStatus, "maximum": maxStatus}}
	boolean = &kind{name: "boolean", want: "true or false", tag: "!!bool", doc: "true or false.",
		check: func(string) string { return "" }, schema: map[string]any{"type": "boolean"}}
)

var (
	sourcesField = &field{key: "sources", doc: "The ids of the sources it comes from, declared in the sources section.",
		required: true, kind: sourceID, item: "source", list: true, nonEmpty: true}
	hintsField = &field{key: "hints", doc: "Likely causes and what to do about each, most likely first; no cause or fix may be another entry's word for word.",
		required: true, shape: hintShape, list: true, nonEmpty: true}
	hintShape = &shape{name: "hint", doc: "One likely cause of the error and what to do about it.", fields: []*field{
		{key: "message", doc: "The <Message> COS sends for this cause, when it names it.", kind: message},
		{key: "cause", doc: "A likely cause, in a sentence of our own words.", required: true, kind: text},
		{key: "fix", doc: "What to do about it, in a sentence.", required: true, kind: text},
		sourcesField,
	}}
	familyShape = &shape{name: "family", doc: "A part of COS that sends error codes.", fields: []*field{
		{key: "name", doc: "The family's name.", required: true, kind: familyName},
		{key: "description", doc: "Which part of COS it is and how its errors look.", required: true, kind: text},
	}}
	sourceShape = &shape{name: "source", doc: "A document or program facts come from.", fields: []*field{
		{key: "id", doc: "The id entries cite it by.", required: true, kind: sourceID},
		{key: "url", doc: "Where to read it.", required: true, kind: url},
		{key: "title", doc: "What it is, in a line.", required: true, kind: text},
	}}
	classShape = &shape{name: "class", doc: "A class of codes: what the caller can do about them; the Go variable is Err<name>.", fields: []*field{
		{key: "name", doc: "The class's name.", required: true, kind: ident},
		{key: "description", doc: "What its codes have in common, in a sentence.", required: true, kind: text},
		hintsField,
	}}
	sentAsShape = &shape{name: "sent_as entry", def: "sentAs", doc: "A code and message COS sends in place of the code they are listed under.", fields: []*field{
		{key: "code", doc: "The wire spelling of another code of the catalog.", required: true, kind: wire},
		{key: "message", doc: "The <Message> that names the cause.", required: true, kind: message},
	}}
	codeShape = &shape{name: "code", doc: "One COS error code.", fields: []*field{
		{key: "code", doc: "The wire spelling, exactly as COS sends it; without name, an exported Go identifier.", required: true, kind: wire},
		{key: "name", doc: "The Go name, only where code is no exported Go identifier.", kind: ident},
		{key: "aliases", doc: "Other wire spellings COS has sent for the code.", kind: wire, item: "alias", list: true},
		{key: "status", doc: "The HTTP status, or a list with the primary first; [] when no source gives one.", required: true, kind: status, item: "status", list: true, orOne: true},
		{key: "class", doc: "One of the classes.", required: true, kind: ident},
		{key: "retryable", doc: "Whether the request is worth sending again as it is.", required: true, kind: boolean},
		{key: "why", doc: "Why retryable is what it is; required when retryable is true or a status is 5xx, 408 or 429.", kind: line},
		{key: "families", doc: "The families that send the code.", required: true, kind: familyName, item: "family", list: true, nonEmpty: true},
		{key: "sent_as", doc: "How COS sends the code inside another one.", shape: sentAsShape, list: true},
		{key: "clock_skew", doc: "Whether the code means that the local clock is wrong.", kind: boolean},
		sourcesField,
		{key: "description", doc: "What the code means, in a sentence; the sentinel's doc comment is made of it.", required: true, kind: text},
		hintsField,
	}}
	rootShape = &shape{name: "catalog", doc: "catalog.yaml: every Tencent Cloud COS error code. errgen generates this schema from its own rules and checks more: duplicates, references, unused families and sources, the order of the codes and hints copied from another entry.", fields: []*field{
		{key: "families", doc: "Who sends the codes.", required: true, shape: familyShape, list: true},
		{key: "sources", doc: "Where the facts come from.", required: true, shape: sourceShape, list: true},
		{key: "classes", doc: "The classes of codes, each the sentinel coserr.Err<name>.", required: true, shape: classShape, list: true},
		{key: "codes", doc: "Every COS error code, in the byte order of code.", required: true, shape: codeShape, list: true},
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

// textProblem says what keeps s from being a text, or returns "". White
// space of any kind is fine, since the renderers fold it; other control
// characters, byte order marks and bidirectional controls are not: the
// first two break Go source or Markdown, the last can make text read
// differently from what it is.
func textProblem(s string) string {
	if strings.TrimSpace(s) == "" {
		return "is empty"
	}
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case unicode.IsControl(r):
			return fmt.Sprintf("has control character %U", r)
		case r == 0xFEFF:
			return "has a byte order mark (U+FEFF)"
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			return fmt.Sprintf("has bidirectional control character %U", r)
		}
	}
	return ""
}

// messageProblem says what keeps s from being a <Message>, or returns "":
// compared after trimming space, it must have something besides space,
// and printed as it is, it must be one line of printable characters.
func messageProblem(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "is empty"
	}
	for _, r := range s {
		if !unicode.IsGraphic(r) || r == utf8.RuneError {
			return fmt.Sprintf("has non-printable character %U", r)
		}
	}
	return ""
}
