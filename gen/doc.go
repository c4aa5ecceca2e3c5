// Package gen loads, validates and renders the COS error catalog.
//
// It is the library behind cmd/errgen and does no I/O of its own: Load
// parses catalog.yaml from bytes and reports every problem at once, each
// as FILE:LINE:COL: message; Generate renders a valid catalog as the Go
// file of package coserr and the Markdown reference docs/codes.md; Explain
// answers errgen explain. The output depends only on the catalog, so it is
// byte-stable and a test can regenerate it in memory and compare it with
// the committed files.
//
// The files follow the data: catalog.go declares the catalog and Load;
// syntax.go and syntaxpos.go find the positions of bad bytes and YAML
// syntax errors; load.go walks the document, sections.go reads the
// entries of families, sources and classes, code.go those of codes;
// rules.go holds the rules for single values and check.go those across
// entries; render.go and markdown.go write the outputs; explain.go and
// suggest.go answer errgen explain.
//
// Load is safe on hostile input: before parsing it refuses, with a
// positioned error, a file over 4 MiB, bytes that are not UTF-8 or that
// YAML forbids, more than 262,144 nodes and absurdly deep flow
// collections; after parsing, anchors, aliases and nesting deeper than 16
// levels. Whatever Load accepts renders: a code's wire spellings are
// printable ASCII without the characters that end a Markdown code span or
// cell, and texts carry no control characters, so no text can end a Go
// comment or break a Markdown table.
package gen

// Generate loads the catalog in src (named file in positions) and renders
// the Go source for package pkg and the Markdown reference. On any error
// it returns no output: a caller that writes only on success never leaves
// a half-written file.
func Generate(file string, src []byte, pkg string) (goSrc, markdown []byte, err error) {
	c, err := Load(file, src)
	if err != nil {
		return nil, nil, err
	}
	goSrc, err = renderGo(c, pkg)
	if err != nil {
		return nil, nil, err
	}
	return goSrc, renderMarkdown(c), nil
}
