package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"strings"

	"github.com/cosgo/errcatalog"
	"github.com/cosgo/errcatalog/gen"
)

// explainCatalog returns the name and content of the catalog explain
// reads: the file path when the command line named it (given is true) or
// when it exists, and otherwise the catalog built into errgen.
func explainCatalog(path string, given bool) (string, []byte, error) {
	src, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !given {
		return "catalog.yaml (built into errgen)", errcatalog.CatalogYAML(), nil
	}
	return path, src, err
}

// explain prints what a code, class, family or HTTP status means, as
// gen.Explain renders it, to stdout, and returns the exit status.
func explain(stdout io.Writer, catalog string, given bool, query string, urls bool) int {
	if strings.TrimSpace(query) == "" {
		fmt.Fprintln(log.Writer(), "usage: errgen [-catalog file] [-urls] explain NAME|STATUS")
		return 2
	}
	file, src, err := explainCatalog(catalog, given)
	if err != nil {
		log.Print(err)
		return 1
	}
	c, err := gen.Load(file, src)
	if err != nil {
		return catalogError(err)
	}
	text, err := gen.Explain(c, query, urls)
	if err == nil {
		_, err = io.WriteString(stdout, text)
	}
	if err != nil {
		log.Print(err)
		return 1
	}
	return 0
}
