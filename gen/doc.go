// Package gen loads, validates and renders the COS error catalog, for
// cmd/errgen, and does no I/O: Load reads catalog.yaml and reports every
// problem at once as FILE:LINE:COL: message (a YAML syntax error at the
// line the parser names); Generate renders coserr/codes_gen.go and
// docs/codes.md; Schema renders catalog.schema.json; Explain answers
// errgen explain. The outputs depend only on the catalog, byte for byte.
//
// The rules are in one place: the table in rules.go of every key and what
// its value may be, which Load checks and Schema renders, and the rules
// across entries in load.go. Load sets no limits of size or depth: the
// catalog is a file its maintainers commit, holding one YAML document, and
// Load never expands an alias nor walks deeper than the rules go. What it
// accepts renders: no control characters, no wire spelling that breaks Markdown.
package gen
