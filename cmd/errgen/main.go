// Errgen generates the typed COS error sentinels of package coserr from
// catalog.yaml, the catalog of every COS error code, and explains codes.
//
// Usage:
//
//	errgen [flags]                        # catalog.yaml -> coserr/codes_gen.go, docs/codes.md, catalog.schema.json
//	errgen -check [flags]                 # exit 1 when an output is stale; writes nothing
//	errgen [-catalog file] [-urls] explain NAME|STATUS
//	errgen [-catalog file] diagnose [FILE]   # a pasted error (FILE or standard input) -> the diagnosis report
//
// The flags are:
//
//	-catalog file   the catalog to read (default catalog.yaml)
//	-out file       the Go file to write (default coserr/codes_gen.go)
//	-docs file      the Markdown reference to write (default docs/codes.md)
//	-schema file    the JSON Schema for editors to write (default catalog.schema.json)
//	-pkg name       the package of the Go file (default coserr)
//	-check          compare instead of writing
//	-urls           explain: list the title and URL of every source cited
//
// Paths are relative to the current directory, the module root when it
// runs from go generate, through this line in the module's doc.go:
//
//	//go:generate go run ./cmd/errgen
//
// Errgen validates the whole catalog before writing anything and reports
// every problem it finds, one per line, in the form compilers use, then
// exits 1 and leaves every output as it was:
//
//	catalog.yaml:12:5: unknown class "NotFund"
//
// A YAML syntax error is reported at the line the YAML parser names. The
// other checks are the rules of package gen: for each key, what its value
// may be (the schema says the same to an editor, which is why errgen
// writes it); across entries, duplicate codes, aliases, Go names,
// families and sources, unknown classes, families and sources, families
// and sources no code uses, a class the status fallback needs and the
// catalog lacks, a retryable or 5xx, 408 or 429 code without a why,
// sent_as entries that name no code of the catalog or repeat another,
// codes out of byte order, and a code or class without hints or with a
// hint's cause or fix copied word for word from another entry. A Go name
// that package coserr declares by hand is left to the compiler.
//
// Errgen reads every output before it writes any, and leaves alone one
// whose content would not change; -check writes nothing and names every
// stale output.
//
// Explain reads the catalog named by -catalog; without the flag it reads
// catalog.yaml in the current directory when there is one, and otherwise
// the catalog built into errgen, so that
//
//	go run github.com/cosgo/errcatalog/cmd/errgen@latest explain SlowDown
//
// works anywhere. It explains a code (by wire spelling, alias or Go name)
// with its likely causes and what to do about each, a class, a family, or
// an HTTP status from 300 to 599: the codes sent with it and the class and
// retry rule coserr applies when the code is empty or unknown. Sources are
// shown by id; -urls adds their titles and URLs.
//
// Diagnose reads what a person pastes about a failed COS request, from
// FILE or standard input: an XML or JSON error body, a coserr error's
// text, the Python SDK's CosServiceError (its body or its digest dict),
// a cos-go-sdk-v5, aws-sdk-go-v2 or minio-go error's text, a client
// error's text, or a log line that quotes one of them. It prints the
// report coserr.Diagnose gives for the same error: the code, what it
// means and whether to retry (unknown when neither a known code nor a
// status says); what the error itself shows (a FormatString COS signed,
// a signature window, a bucket host without its -APPID); the catalog's
// hints, most likely first; and the request id, with where to paste it
// in Tencent's diagnosis tool. It reads the catalog as explain
// does, so it too works in any directory.
//
// Errgen exits 0 on success, 1 when the catalog is invalid, an output is
// stale (-check), a query names nothing (explain), the input holds no COS
// error (diagnose) or a file cannot be read or written, and 2 on bad usage: an unknown flag or argument, a
// -pkg that is no package name, or two outputs naming the same file.
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
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run does the work of main: it parses the command line args (without the
// program name), writes its output to stdout and its messages to stderr,
// and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	log.SetFlags(0)
	log.SetPrefix("errgen: ")
	log.SetOutput(stderr)
	flags := flag.NewFlagSet("errgen", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: errgen [flags]\n")
		fmt.Fprintf(stderr, "       errgen -check [flags]\n")
		fmt.Fprintf(stderr, "       errgen [-catalog file] [-urls] explain NAME|STATUS\n")
		fmt.Fprintf(stderr, "       errgen [-catalog file] diagnose [FILE]\n")
		fmt.Fprintf(stderr, "For more information, see: go doc github.com/cosgo/errcatalog/cmd/errgen\n")
		fmt.Fprintf(stderr, "Flags:\n")
		flags.PrintDefaults()
	}
	var (
		catalog = flags.String("catalog", "catalog.yaml", "catalog `file` to read")
		out     = flags.String("out", "coserr/codes_gen.go", "Go `file` to write")
		docs    = flags.String("docs", "docs/codes.md", "Markdown `file` to write")
		schema  = flags.String("schema", "catalog.schema.json", "JSON Schema `file` to write")
		pkg     = flags.String("pkg", "coserr", "package `name` of the Go file")
		check   = flags.Bool("check", false, "exit 1 when an output is stale; write nothing")
		urls    = flags.Bool("urls", false, "explain: list the title and URL of every source cited")
	)
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	args = flags.Args()
	switch {
	case len(args) == 0:
		return generate(*catalog, *pkg, *check, *out, *docs, *schema)
	case args[0] == "explain" && len(args) == 2:
		return explain(stdout, *catalog, flagSet(flags, "catalog"), args[1], *urls)
	case args[0] == "diagnose" && len(args) <= 2:
		return diagnoseCmd(args[1:], *catalog, flagSet(flags, "catalog"), stdout, stderr)
	}
	flags.Usage()
	return 2
}

// flagSet reports whether the command line set the flag name.
func flagSet(flags *flag.FlagSet, name string) bool {
	set := false
	flags.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// generate renders the catalog and writes the Go file, the Markdown
// reference and the schema that differ from what is on disk; with check
// it writes nothing and names each that does. The catalog is validated in
// full before anything is written.
func generate(catalog, pkg string, check bool, out, docs, schema string) int {
	paths := map[string]bool{filepath.Clean(out): true, filepath.Clean(docs): true, filepath.Clean(schema): true}
	switch {
	case !token.IsIdentifier(pkg) || pkg == "_":
		log.Printf("-pkg %q is not a package name", pkg)
		return 2
	case out == "" || docs == "" || schema == "" || len(paths) < 3:
		log.Print("-out, -docs and -schema must name three different files")
		return 2
	}
	src, err := os.ReadFile(catalog)
	if err != nil {
		log.Print(err)
		return 1
	}
	goSrc, md, err := gen.Generate(catalog, src, pkg)
	if err != nil {
		return catalogError(err)
	}
	outputs := []struct {
		path      string
		data, old []byte
	}{{out, goSrc, nil}, {docs, md, nil}, {schema, gen.Schema(), nil}}
	for i, o := range outputs { // read them all first: a path that cannot be read stops errgen before it writes
		if outputs[i].old, err = os.ReadFile(o.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			log.Print(err)
			return 1
		}
	}
	stale := false
	for _, o := range outputs {
		switch {
		case bytes.Equal(o.old, o.data):
		case check:
			log.Printf("%s is stale; run go generate ./...", o.path)
			stale = true
		default:
			if err := os.WriteFile(o.path, o.data, 0o644); err != nil {
				log.Print(err)
				return 1
			}
		}
	}
	if stale {
		return 1
	}
	return 0
}

// catalogError prints the error of loading a catalog, an invalid one's
// problems one per line in the form compilers use, and returns 1.
func catalogError(err error) int {
	var list gen.ErrorList
	if errors.As(err, &list) {
		fmt.Fprintln(log.Writer(), list)
	} else {
		log.Print(err)
	}
	return 1
}
