package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/cosgo/errcatalog/gen"
)

// explain prints what a code, class or HTTP status means, as gen.Explain
// renders it, to stdout. It returns the exit status: 0 when found; 1 when
// the catalog is invalid (every problem printed to stderr, one per line)
// or the query names nothing (stderr says so, with the nearest names).
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
