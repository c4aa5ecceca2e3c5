package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
	"github.com/cosgo/errcatalog/internal/statusrule"
)

// preamble is the families, sources and classes sections of the test
// catalogs, one class per line: lines 1 to 12, so that `codes:` is line 13.
var preamble = func() string {
	var b strings.Builder
	b.WriteString("families: [{name: COS, description: The XML API.}]\n")
	b.WriteString("sources: [{id: doc, url: \"https://example.com/doc\", title: A page.}]\n")
	b.WriteString("classes:\n")
	for _, c := range statusrule.Classes {
		fmt.Fprintf(&b, "  - {name: %s, description: The class %s.}\n", c, c)
	}
	return b.String()
}()

// testCatalog is a small valid catalog.
var testCatalog = preamble + `codes:
  - {code: InternalError, aliases: [InternalErrror], status: [500, 503], class: Server, retryable: true,
     why: a passing fault, families: [COS], sources: [doc], description: The server hit an internal error.}
  - {code: NoSuchBucket, status: 404, class: NotFound, retryable: false,
     families: [COS], sources: [doc], description: The specified bucket does not exist.}
`

// badCatalog has three problems, on lines 14 to 16.
var badCatalog = preamble + `codes:
  - code: NoSuchBucket
    status: 200
    class: NotFund
    retryable: false
    families: [COS]
    sources: [doc]
`

// oldTime is the modification time the tests give existing files, so that
// a rewrite shows.
var oldTime = time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)

// fileState is what a test remembers of a file to tell whether it changed.
type fileState struct {
	data    string
	mode    fs.FileMode
	modTime time.Time
}

// snapshot returns the state of every file under dir, by slash path.
func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	files := map[string]fileState{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = fileState{string(data), fi.Mode(), fi.ModTime()}
		return err
	})
	require.NoError(t, err)
	return files
}

// workspace is a temporary directory with a catalog and flags that point
// errgen's outputs into it.
type workspace struct {
	dir, catalog, out, docs string
}

func newWorkspace(t *testing.T, catalog string) *workspace {
	t.Helper()
	dir := t.TempDir()
	w := &workspace{
		dir:     dir,
		catalog: filepath.Join(dir, "catalog.yaml"),
		out:     filepath.Join(dir, "coserr", "codes_gen.go"),
		docs:    filepath.Join(dir, "docs", "codes.md"),
	}
	require.NoError(t, os.MkdirAll(filepath.Dir(w.out), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Dir(w.docs), 0o755))
	w.write(t, w.catalog, catalog)
	return w
}

// contents drops the modification times of a snapshot, which a restored
// file does not keep.
func contents(files map[string]fileState) map[string]fileState {
	out := map[string]fileState{}
	for name, f := range files {
		f.modTime = time.Time{}
		out[name] = f
	}
	return out
}

// write writes a file and backdates it to oldTime.
func (w *workspace) write(t *testing.T, path, data string) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, []byte(data), 0o644))
	require.NoError(t, os.Chtimes(path, oldTime, oldTime))
}

func (w *workspace) flags(extra ...string) []string {
	return append([]string{"-catalog", w.catalog, "-out", w.out, "-docs", w.docs}, extra...)
}

// runErrgen runs errgen in-process and returns its exit status and output.
func runErrgen(args ...string) (code int, stdout, stderr string) {
	return runRename(os.Rename, args...)
}

// runRename is runErrgen with another rename.
func runRename(rename func(oldpath, newpath string) error, args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e, rename)
	return code, o.String(), e.String()
}

// generated returns what errgen should write for a catalog.
func generated(t *testing.T, catalog string) (goSrc, md string) {
	t.Helper()
	g, m, err := gen.Generate("catalog.yaml", []byte(catalog), "coserr")
	require.NoError(t, err)
	return string(g), string(m)
}

func TestRunBadUsage(t *testing.T) {
	w := newWorkspace(t, testCatalog)
	tests := []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{"unknown flag", w.flags("-bogus"), "flag provided but not defined: -bogus\nusage: errgen"},
		{"flag without value", []string{"-catalog"}, "flag needs an argument: -catalog\nusage: errgen"},
		{"stray argument", w.flags("generate"), "usage: errgen [flags]"},
		{"stray argument with -check", w.flags("-check", "now"), "usage: errgen [flags]"},
		{"explain without a query", w.flags("explain"), "usage: errgen [flags]"},
		{"explain with two queries", w.flags("explain", "NoSuchBucket", "404"), "usage: errgen [flags]"},
		{"package name a number", w.flags("-pkg", "1x"), `errgen: -pkg "1x" is not a package name`},
		{"package name a keyword", w.flags("-pkg", "func"), `errgen: -pkg "func" is not a package name`},
		{"package name blank", w.flags("-pkg", "_"), `errgen: -pkg "_" is not a package name`},
		{"empty -out", w.flags("-out", ""), "errgen: -out and -docs must name files"},
		{"one file for both", w.flags("-docs", filepath.Join(w.dir, "coserr", "..", "coserr", "codes_gen.go")), "errgen: -out and -docs both name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot(t, w.dir)
			code, stdout, stderr := runErrgen(tt.args...)
			assert.Equal(t, 2, code, "run(%q) exit; stderr %q", tt.args, stderr)
			assert.Contains(t, stderr, tt.wantStderr)
			assert.Empty(t, stdout)
			assert.Equal(t, before, snapshot(t, w.dir), "bad usage wrote something")
		})
	}
}

func TestRunHelp(t *testing.T) {
	code, stdout, stderr := runErrgen("-h")
	assert.Equal(t, 0, code)
	assert.Empty(t, stdout)
	for _, flag := range []string{"usage: errgen", "-catalog file", "-check", "-docs file", "-out file", "-pkg name"} {
		assert.Contains(t, stderr, flag)
	}
}

func keys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
