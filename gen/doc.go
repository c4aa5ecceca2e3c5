// Package gen loads, validates and renders the COS error catalog.
//
// It is the library behind cmd/errgen and does no I/O of its own: Load
// parses catalog.yaml from bytes and reports every problem at once, each
// as FILE:LINE:COL: message (a YAML syntax error as FILE:LINE: message,
// at the line the YAML parser names); Generate renders a valid catalog as
// the Go file of package coserr and the Markdown reference docs/codes.md;
// Schema renders the rules as catalog.schema.json for editors; Explain
// answers errgen explain. The output depends only on the catalog, so it
// is byte-stable and a test can regenerate it in memory and compare it
// with the committed files.
//
// The rules are in one place: rules.go is a table of every key of every
// kind of entry and what its value may be, which walk.go checks a catalog
// against and schema.go renders as the JSON Schema; load.go reads the
// entries and checks the rules across them (duplicates, references,
// unused families and sources, the order of the codes, hints copied from
// another entry). render.go and markdown.go write the outputs, explain.go
// answers errgen explain.
//
// Load sets no limits of size or depth: the catalog is a file its
// maintainers commit, and the YAML parser refuses alias bombs itself.
// The bounds a real catalog can meet are rules: statuses are 300 to 599,
// wire spellings printable ASCII without the characters that end a
// Markdown code span or cell, texts without control characters, so that
// whatever Load accepts renders.
package gen
