// Package gen loads, validates and renders the COS error catalog.
//
// It is the library behind cmd/errgen and does no I/O of its own: Load
// parses catalog.yaml from bytes and reports every problem at once, each
// as FILE:LINE:COL: message; RenderGo and RenderMarkdown turn a valid
// Catalog into the generated Go file and the Markdown table; Generate does
// all three. The output depends only on the catalog, so it is byte-stable
// and a test can regenerate it in memory and compare it with the committed
// files.
//
// Load is safe on hostile input: before parsing it refuses, with a
// positioned error, a file over MaxCatalogBytes, bytes that are not UTF-8
// or that YAML forbids, more than MaxNodes nodes and absurdly deep flow
// collections; after parsing, anchors, aliases and nesting deeper than
// MaxDepth. Whatever Load accepts renders: a code's wire spellings are
// printable ASCII without the characters that end a Markdown code span or
// cell, and descriptions carry no control characters, so no text can end
// a Go comment or break a Markdown table.
package gen

// Generate loads the catalog in src (named file in positions) and renders
// the Go source for package pkg and the Markdown table. On any error it
// returns no output: a caller that writes only on success never leaves a
// half-written file.
func Generate(file string, src []byte, pkg string) (goSrc, markdown []byte, err error) {
	c, err := Load(file, src)
	if err != nil {
		return nil, nil, err
	}
	goSrc, err = RenderGo(c, pkg)
	if err != nil {
		return nil, nil, err
	}
	return goSrc, RenderMarkdown(c), nil
}
