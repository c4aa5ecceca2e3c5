// Errgen generates the typed COS error sentinels of package coserr from
// catalog.yaml, the catalog of every COS error code.
//
// Usage:
//
//	errgen [flags]                 # catalog.yaml -> coserr/codes_gen.go and docs/codes.md
//	errgen -check [flags]          # exit 1 when either output is stale; writes nothing
//	errgen [flags] explain NAME    # what a code, class or family means
//	errgen [flags] explain STATUS  # the codes COS sends with an HTTP status, and the fallback rule
//	errgen [flags] diagnose [FILE] # a pasted error (FILE or standard input) -> the diagnosis report
//
// The flags are:
//
//	-catalog file   the catalog to read (default catalog.yaml)
//	-out file       the Go file to write (default coserr/codes_gen.go)
//	-docs file      the Markdown reference to write (default docs/codes.md)
//	-pkg name       the package of the Go file (default coserr)
//	-check          compare instead of writing
//
// Paths are relative to the current directory, the module root when it
// runs from go generate, through this line in the module's doc.go:
//
//	//go:generate go run ./cmd/errgen
//
// Errgen validates the whole catalog before writing anything and reports
// every problem it finds, one per line, in the form compilers use:
//
//	catalog.yaml:12:5: unknown class "NotFund"
//
// It checks for YAML syntax errors (reported on the first line at which
// the file stops parsing), unknown or repeated keys, missing keys and
// texts, duplicate codes, aliases, Go names, families and sources, codes
// that are not Go identifiers and have no name, Go names package coserr
// declares by hand, statuses outside 300..599, unknown classes, families
// and sources, families and sources no code uses, a class the status
// fallback needs and the catalog lacks, a retryable or 5xx, 408 or 429
// code without a why, sent_as entries that name no code of the catalog
// or repeat another, and codes out of byte order; it refuses anchors,
// aliases, a second YAML document, deep nesting and files over 4 MiB. It
// then exits 1 and leaves the output files as they were.
//
// Both outputs are written atomically: each goes to a temporary file in
// its directory and is renamed into place only when both are complete, so
// a failure at any point leaves the old files as they were (should the
// second rename fail, the first file gets its old content and permissions
// back). An output whose content would not change is not rewritten, and
// -check writes nothing at all.
//
// Explain reads the catalog named by -catalog; without the flag it reads
// catalog.yaml in the current directory when there is one, and otherwise
// the catalog built into errgen, so that
//
//	go run github.com/cosgo/errcatalog/cmd/errgen@latest explain SlowDown
//
// works anywhere. It explains a code (by wire spelling, alias or Go name),
// a class, a family, or an HTTP status from 300 to 599: the codes sent
// with it and the class and retry rule coserr applies when the code is
// empty or unknown.
//
// Diagnose reads what a person pastes about a failed COS request, from
// FILE or standard input: an XML or JSON error body, a coserr error's
// text, the Python SDK's CosServiceError (its body or its digest dict),
// an aws-sdk-go-v2 or minio-go error's text, a client error's text, or a
// log line that quotes one of them. It prints the report
// coserr.Diagnose gives for the same error: the code, what it means and
// whether to retry; what the error itself shows (a FormatString COS
// signed, a signature window, a bucket host without its -APPID); the
// catalog's hints, most likely first; and the request id, with where to
// paste it in Tencent's diagnosis tool. It reads the catalog as explain
// does, so it too works anywhere.
//
// Errgen exits 0 on success, 1 when the catalog is invalid, an output is
// stale (-check), a query names nothing (explain), the input holds no COS error
// (diagnose) or a file cannot be read
// or written, and 2 on bad usage: an unknown flag or argument, a -pkg that
// is no package name, or -out and -docs naming the same file.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"

	"github.com/cosgo/errcatalog/gen"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Rename))
}

// flagSet reports whether the command line set the flag name.
func flagSet(flags *flag.FlagSet, name string) bool {
	set := false
	flags.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// usage prints the usage message of flags to w.
func usage(w io.Writer, flags *flag.FlagSet) {
	fmt.Fprintf(w, "usage: errgen [flags]\n")
	fmt.Fprintf(w, "       errgen -check [flags]\n")
	fmt.Fprintf(w, "       errgen [flags] explain NAME|STATUS\n")
	fmt.Fprintf(w, "       errgen [flags] diagnose [FILE]\n")
	fmt.Fprintf(w, "For more information, see: go doc github.com/cosgo/errcatalog/cmd/errgen\n")
	fmt.Fprintf(w, "Flags:\n")
	flags.PrintDefaults()
}

// run does the work of main: it parses the command line args (without the
// program name), writes its messages to stdout and stderr, moves finished
// outputs into place with rename, and returns the exit status.
func run(args []string, stdout, stderr io.Writer, rename func(oldpath, newpath string) error) int {
	logger := log.New(stderr, "errgen: ", 0)
	flags := flag.NewFlagSet("errgen", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() { usage(stderr, flags) }
	var (
		catalog = flags.String("catalog", "catalog.yaml", "catalog `file` to read")
		out     = flags.String("out", "coserr/codes_gen.go", "Go `file` to write")
		docs    = flags.String("docs", "docs/codes.md", "Markdown `file` to write")
		pkg     = flags.String("pkg", "coserr", "package `name` of the Go file")
		check   = flags.Bool("check", false, "exit 1 when an output is stale; write nothing")
	)
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	args = flags.Args()
	if len(args) > 0 && args[0] == "diagnose" {
		return diagnoseCmd(args[1:], *catalog, flagSet(flags, "catalog"), stdout, stderr)
	}
	explaining := len(args) > 0 && args[0] == "explain"
	switch {
	case explaining && len(args) != 2, !explaining && len(args) > 0:
		flags.Usage()
		return 2
	case !explaining && (!token.IsIdentifier(*pkg) || *pkg == "_"):
		logger.Printf("-pkg %q is not a package name", *pkg)
		return 2
	case !explaining && (*out == "" || *docs == ""):
		logger.Print("-out and -docs must name files")
		return 2
	case !explaining && filepath.Clean(*out) == filepath.Clean(*docs):
		logger.Printf("-out and -docs both name %s", *out)
		return 2
	}

	if explaining {
		file, src, err := explainCatalog(*catalog, flagSet(flags, "catalog"))
		if err != nil {
			logger.Print(err)
			return 1
		}
		return explain(stdout, stderr, file, src, args[1])
	}
	src, err := os.ReadFile(*catalog)
	if err != nil {
		logger.Print(err)
		return 1
	}
	goSrc, md, err := gen.Generate(*catalog, src, *pkg)
	if err != nil {
		var list gen.ErrorList
		if errors.As(err, &list) {
			fmt.Fprintln(stderr, list)
		} else {
			logger.Print(err)
		}
		return 1
	}
	outputs := []output{{*out, goSrc}, {*docs, md}}
	if *check {
		stale := false
		for _, o := range outputs {
			old, err := os.ReadFile(o.path)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				logger.Print(err)
				return 1
			}
			if !bytes.Equal(old, o.data) {
				logger.Printf("%s is stale; run go generate ./...", o.path)
				stale = true
			}
		}
		if stale {
			return 1
		}
		return 0
	}
	if err := writeAll(outputs, rename); err != nil {
		logger.Print(err)
		return 1
	}
	return 0
}
