package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
)

// preamble is the families, sources and classes sections of the test
// catalogs: lines 1 to 17, so that `codes:` is line 18.
const preamble = `families:
  - name: COS
    description: The XML API.
sources:
  - id: doc
    url: https://example.com/doc
    title: A page.
classes:
  - {name: Redirect, description: Elsewhere.}
  - {name: BadRequest, description: Invalid.}
  - {name: Unauthenticated, description: Unknown caller.}
  - {name: AccessDenied, description: Not allowed.}
  - {name: NotFound, description: Nothing there.}
  - {name: Conflict, description: The state forbids it.}
  - {name: PreconditionFailed, description: Unmet.}
  - {name: Throttled, description: Slow down.}
  - {name: Server, description: The service failed.}
`

// testCatalog is a small valid catalog.
const testCatalog = preamble + `codes:
  - code: InternalError
    aliases: [InternalErrror]
    status: [500, 503]
    class: Server
    retryable: true
    why: 'a passing fault'
    families: [COS]
    sources: [doc]
    description: The server hit an internal error.
  - code: NoSuchBucket
    status: 404
    class: NotFound
    retryable: false
    families: [COS]
    sources: [doc]
    description: The specified bucket does not exist.
`

// badCatalog has three problems, on lines 19 to 21.
const badCatalog = preamble + `codes:
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

// TestRunGenerate writes both outputs into empty directories, then runs
// again and checks that unchanged outputs are not rewritten.
func TestRunGenerate(t *testing.T) {
	w := newWorkspace(t, testCatalog)
	code, stdout, stderr := runErrgen(w.flags()...)
	require.Equal(t, 0, code, "stderr %q", stderr)
	assert.Empty(t, stdout)
	assert.Empty(t, stderr)

	wantGo, wantMD := generated(t, testCatalog)
	files := snapshot(t, w.dir)
	assert.Len(t, files, 3, "files %v: want the catalog and two outputs, no temporary files", keys(files))
	assert.Equal(t, wantGo, files["coserr/codes_gen.go"].data)
	assert.Equal(t, wantMD, files["docs/codes.md"].data)
	assert.Equal(t, fs.FileMode(0o644), files["coserr/codes_gen.go"].mode)

	require.NoError(t, os.Chtimes(w.out, oldTime, oldTime))
	require.NoError(t, os.Chtimes(w.docs, oldTime, oldTime))
	before := snapshot(t, w.dir)
	code, _, stderr = runErrgen(w.flags()...)
	require.Equal(t, 0, code, "stderr %q", stderr)
	assert.Equal(t, before, snapshot(t, w.dir), "a second run rewrote unchanged outputs")
}

func TestRunPkg(t *testing.T) {
	w := newWorkspace(t, testCatalog)
	code, _, stderr := runErrgen(w.flags("-pkg", "cosgen")...)
	require.Equal(t, 0, code, "stderr %q", stderr)
	data, err := os.ReadFile(w.out)
	require.NoError(t, err)
	assert.Contains(t, string(data), "\npackage cosgen\n")
}

// TestRunCheck checks -check on fresh, stale and missing outputs: exit 0
// or 1, which file is stale, and nothing written in any case.
func TestRunCheck(t *testing.T) {
	wantGo, wantMD := generated(t, testCatalog)
	tests := []struct {
		name         string
		goSrc, md    string // "" leaves the file out
		wantCode     int
		wantStderr   []string
		unwantStderr []string
	}{
		{"fresh", wantGo, wantMD, 0, nil, []string{"stale"}},
		{"stale Go", strings.Replace(wantGo, "NoSuchBucket", "NoSuchBuckets", 1), wantMD, 1,
			[]string{"codes_gen.go is stale; run go generate ./...\n"}, []string{"codes.md"}},
		{"stale Markdown", wantGo, wantMD + "\n", 1,
			[]string{"codes.md is stale; run go generate ./...\n"}, []string{"codes_gen.go"}},
		{"both missing", "", "", 1,
			[]string{"codes_gen.go is stale", "codes.md is stale"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorkspace(t, testCatalog)
			if tt.goSrc != "" {
				w.write(t, w.out, tt.goSrc)
			}
			if tt.md != "" {
				w.write(t, w.docs, tt.md)
			}
			before := snapshot(t, w.dir)
			code, stdout, stderr := runErrgen(w.flags("-check")...)
			assert.Equal(t, tt.wantCode, code, "stderr %q", stderr)
			assert.Empty(t, stdout)
			for _, s := range tt.wantStderr {
				assert.Contains(t, stderr, s)
			}
			for _, s := range tt.unwantStderr {
				assert.NotContains(t, stderr, s)
			}
			assert.Equal(t, before, snapshot(t, w.dir), "-check wrote something")
		})
	}
}

// TestRunFailureLeavesOutputs checks that when errgen fails, both outputs
// stay exactly as they were and no temporary file is left.
func TestRunFailureLeavesOutputs(t *testing.T) {
	tests := []struct {
		name       string
		catalog    string
		args       func(w *workspace) []string
		rename     func(w *workspace) func(oldpath, newpath string) error
		wantStderr string
	}{
		{"bad catalog", badCatalog, func(w *workspace) []string { return w.flags() }, nil,
			"catalog.yaml:20:13: status 200 outside 300..599\n"},
		{"missing catalog", testCatalog, func(w *workspace) []string {
			return append(w.flags(), "-catalog", filepath.Join(w.dir, "nope.yaml"))
		}, nil, "errgen: open "},
		{"docs directory is a file", testCatalog, func(w *workspace) []string {
			return append(w.flags(), "-docs", filepath.Join(w.catalog, "codes.md"))
		}, nil, "errgen: "},
		{"docs is a directory", testCatalog, func(w *workspace) []string {
			return append(w.flags(), "-docs", filepath.Dir(w.docs))
		}, nil, "is a directory"},
		{"rename of docs fails", testCatalog, func(w *workspace) []string { return w.flags() },
			func(w *workspace) func(oldpath, newpath string) error { return failRename(w.docs) }, "errgen: rename "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorkspace(t, tt.catalog)
			w.write(t, w.out, "// old Go\n")
			w.write(t, w.docs, "old docs\n")
			rename := os.Rename
			if tt.rename != nil {
				rename = tt.rename(w)
			}
			before := snapshot(t, w.dir)
			code, stdout, stderr := runRename(rename, tt.args(w)...)
			assert.Equal(t, 1, code, "stderr %q", stderr)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.wantStderr)
			after := snapshot(t, w.dir)
			if tt.rename != nil { // the Go file was put back, with a new modification time
				before, after = contents(before), contents(after)
			}
			assert.Equal(t, before, after, "a failed run changed files")
		})
	}
}

func TestRunBadCatalogMessage(t *testing.T) {
	w := newWorkspace(t, badCatalog)
	code, _, stderr := runErrgen(w.flags()...)
	assert.Equal(t, 1, code)
	want := w.catalog + ":19:5: missing key \"description\" in code\n" +
		w.catalog + ":20:13: status 200 outside 300..599\n" +
		w.catalog + ":21:12: unknown class \"NotFund\"\n"
	assert.Equal(t, want, stderr)
}

func TestRunExplain(t *testing.T) {
	w := newWorkspace(t, testCatalog)
	before := snapshot(t, w.dir)
	code, stdout, stderr := runErrgen(w.flags("explain", "InternalErrror")...)
	assert.Equal(t, 0, code, "stderr %q", stderr)
	assert.Contains(t, stdout, "InternalError")
	assert.Equal(t, before, snapshot(t, w.dir), "explain wrote something")
}

func keys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
