// Package gen loads, validates and renders the COS error catalog.
//
// It is the library behind cmd/errgen and does no I/O of its own: Load
// parses catalog.yaml from bytes and reports every problem at once, each
// as FILE:LINE:COL: message; RenderGo and RenderMarkdown turn a valid
// Catalog into the generated Go file and the Markdown table; Generate does
// all three. The output depends only on the catalog, so it is byte-stable
// and a test can regenerate it in memory and compare it with the committed
// files.
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
