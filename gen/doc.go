// Package gen loads, validates and renders the COS error catalog, for
// cmd/errgen. It does no I/O: Load parses catalog.yaml from bytes and
// reports every problem at once as FILE:LINE:COL: message (a YAML syntax
// error at the line the parser names, FILE:LINE); Generate renders the Go
// file of package coserr and the Markdown reference docs/codes.md; Schema
// renders catalog.schema.json for editors; Explain answers errgen explain.
// The outputs depend only on the catalog, byte for byte.
//
// The rules are in one place, the table in rules.go of every key and what
// its value may be: Load checks values by it and Schema renders it. The
// rules across entries (duplicates, references, unused families and
// sources, the order of the codes, hints copied from another entry) are
// in load.go. Load sets no limits of size or depth: the catalog is a file
// its maintainers commit, and the YAML parser refuses alias bombs itself.
// What it accepts renders: texts have no control characters, and wire
// spellings are printable ASCII without the characters that end a
// Markdown code span or cell.
package gen
