package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/cosgo/errcatalog/gen"
	"github.com/cosgo/errcatalog/internal/diagnose/fromcatalog"
)

// stdin is what errgen diagnose reads without a FILE.
var stdin io.Reader = os.Stdin

// maxPaste is the most bytes errgen diagnose reads.
const maxPaste = 1 << 20

// diagnoseCmd runs errgen diagnose [FILE]: it reads what a person pasted
// about a failed COS request (FILE, or standard input) and prints the
// report coserr.Diagnose gives for the same error: the code, its meaning
// and whether to retry; the findings; the catalog's hints; the request id
// and where to paste it in Tencent's diagnosis tool. The catalog is the
// one explain reads. It returns the exit status: 0 for a report, 1 when
// the input holds no COS error or a file cannot be read, 2 on bad usage.
func diagnoseCmd(args []string, catalogPath string, given bool, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprintln(stderr, "usage: errgen diagnose [FILE]")
		return 2
	}
	r := stdin
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			fmt.Fprintf(stderr, "errgen: %v\n", err)
			return 1
		}
		defer f.Close()
		r = f
	}
	text, err := io.ReadAll(io.LimitReader(r, maxPaste))
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	file, src, err := explainCatalog(catalogPath, given)
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
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
	report, err := fromcatalog.Report(cat, string(text))
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	if _, err := io.WriteString(stdout, report); err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	return 0
}
