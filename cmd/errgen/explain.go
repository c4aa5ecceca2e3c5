package main

import (
	"fmt"
	"io"
)

// explain prints what a code or an HTTP status means. It returns the exit
// status: 0 when found, 1 when not.
func explain(stdout, stderr io.Writer, file string, src []byte, query string) int {
	fmt.Fprintf(stderr, "errgen: explain is not implemented yet\n")
	return 1
}
