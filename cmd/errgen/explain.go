package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/cosgo/errcatalog"
	"github.com/cosgo/errcatalog/gen"
)

// embeddedName names the catalog built into errgen in positions.
const embeddedName = "catalog.yaml (built into errgen)"

// explainCatalog returns the name and content of the catalog explain
// reads: the file path when the command line named it (given is true) or
// when it exists, and otherwise the catalog built into errgen.
func explainCatalog(path string, given bool) (string, []byte, error) {
	src, err := os.ReadFile(path)
	switch {
	case err == nil:
		return path, src, nil
	case given || !errors.Is(err, fs.ErrNotExist):
		return "", nil, err
	}
	return embeddedName, errcatalog.CatalogYAML(), nil
}

// explain prints what a code, class, family or HTTP status means, as
// gen.Explain renders it, to stdout. It returns the exit status: 0 when
// found; 1 when the catalog is invalid (every problem printed to stderr,
// one per line) or the query names nothing (stderr says so, with the
// nearest names).
func explain(stdout, stderr io.Writer, file string, src []byte, query string) int {
	cat, err := gen.Load(file, src)
	if err != nil {
		var list gen.ErrorList
		if errors.As(err, &list) {
			fmt.Fprintln(stderr, list)
		} else {
			fmt.Fprintf(stderr, "errgen: %v\n", err)
		}
		return 1
	}
	text, err := gen.Explain(cat, query)
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	if _, err := io.WriteString(stdout, text); err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	return 0
}
