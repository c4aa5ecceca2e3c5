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
		fmt.Fprintf(&b, "  - {name: %s, description: The class %s., hints: [{cause: Cause of %s., fix: Fix of %s., sources: [doc]}]}\n", c, c, c, c)
	}
	return b.String()
}()

// testCatalog is a small valid catalog.
var testCatalog = preamble + `codes:
  - {code: InternalError, aliases: [InternalErrror], status: [500, 503], class: Server, retryable: true,
     why: a passing fault, families: [COS], sources: [doc], description: The server hit an internal error.,
     hints: [{cause: The server failed., fix: Retry with backoff., sources: [doc]}]}
  - {code: NoSuchBucket, status: 404, class: NotFound, retryable: false,
     families: [COS], sources: [doc], description: The specified bucket does not exist.,
     hints: [{cause: The bucket name lacks its APPID., fix: Use BucketName-APPID., sources: [doc]}]}
`

// badCatalog has three problems, on lines 14 to 16.
var badCatalog = preamble + `codes:
  - code: NoSuchBucket
    status: 200
    class: NotFund
    retryable: false
    families: [COS]
    sources: [doc]
    hints: [{cause: Gone., fix: Look., sources: [doc]}]
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
	require.NoError(t, filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = fileState{string(data), fi.Mode(), fi.ModTime()}
		return err
	}))
	return files
}

// workspace is a temporary directory with a catalog and flags that point
// errgen's outputs into it.
type workspace struct {
	dir, catalog, out, docs, schema string
}

func newWorkspace(t *testing.T, catalog string) *workspace {
	t.Helper()
	dir := t.TempDir()
	w := &workspace{dir: dir, catalog: filepath.Join(dir, "catalog.yaml"), out: filepath.Join(dir, "coserr", "codes_gen.go"),
		docs: filepath.Join(dir, "docs", "codes.md"), schema: filepath.Join(dir, "catalog.schema.json")}
	require.NoError(t, os.MkdirAll(filepath.Dir(w.out), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Dir(w.docs), 0o755))
	w.write(t, w.catalog, catalog)
	return w
}

// write writes a file and backdates it to oldTime.
func (w *workspace) write(t *testing.T, path, data string) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, []byte(data), 0o644))
	require.NoError(t, os.Chtimes(path, oldTime, oldTime))
}

func (w *workspace) flags(extra ...string) []string {
	return append([]string{"-catalog", w.catalog, "-out", w.out, "-docs", w.docs, "-schema", w.schema}, extra...)
}

// runErrgen runs errgen in-process and returns its exit status and output.
func runErrgen(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
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
		{"empty -out", w.flags("-out", ""), "errgen: -out, -docs and -schema must name three different files"},
		{"one file for two", w.flags("-docs", filepath.Join(w.dir, "coserr", "..", "coserr", "codes_gen.go")), "must name three different files"},
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
	for _, flag := range []string{"usage: errgen", "-catalog file", "-check", "-docs file", "-out file", "-pkg name", "-schema file", "-urls"} {
		assert.Contains(t, stderr, flag)
	}
}

// TestRunGenerate writes the three outputs into empty directories, then
// runs again and checks that unchanged outputs are not rewritten.
func TestRunGenerate(t *testing.T) {
	w := newWorkspace(t, testCatalog)
	code, stdout, stderr := runErrgen(w.flags("-pkg", "cosgen")...)
	require.Equal(t, 0, code, "stderr %q", stderr)
	assert.Empty(t, stdout)
	assert.Empty(t, stderr)

	wantGo, wantMD := generated(t, testCatalog)
	files := snapshot(t, w.dir)
	assert.Len(t, files, 4, "want the catalog and three outputs")
	assert.Equal(t, strings.Replace(wantGo, "\npackage coserr\n", "\npackage cosgen\n", 1), files["coserr/codes_gen.go"].data)
	assert.Equal(t, wantMD, files["docs/codes.md"].data)
	assert.Equal(t, string(gen.Schema()), files["catalog.schema.json"].data)
	assert.Equal(t, fs.FileMode(0o644), files["coserr/codes_gen.go"].mode)

	for _, p := range []string{w.out, w.docs, w.schema} {
		require.NoError(t, os.Chtimes(p, oldTime, oldTime))
	}
	before := snapshot(t, w.dir)
	code, _, stderr = runErrgen(w.flags("-pkg", "cosgen")...)
	require.Equal(t, 0, code, "stderr %q", stderr)
	assert.Equal(t, before, snapshot(t, w.dir), "a second run rewrote unchanged outputs")
}

// TestRunCheck checks -check on fresh, stale and missing outputs: exit 0
// or 1, which file is stale, and nothing written in any case.
func TestRunCheck(t *testing.T) {
	wantGo, wantMD := generated(t, testCatalog)
	schema := string(gen.Schema())
	tests := []struct {
		name              string
		goSrc, md, schema string // "" leaves the file out
		wantStale         []string
	}{
		{"fresh", wantGo, wantMD, schema, nil},
		{"stale Go", strings.Replace(wantGo, "NoSuchBucket", "NoSuchBuckets", 1), wantMD, schema, []string{"codes_gen.go"}},
		{"stale Markdown", wantGo, wantMD + "\n", schema, []string{"codes.md"}},
		{"stale schema", wantGo, wantMD, strings.Replace(schema, `"maximum": 599`, `"maximum": 600`, 1), []string{"catalog.schema.json"}},
		{"all missing", "", "", "", []string{"codes_gen.go", "codes.md", "catalog.schema.json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorkspace(t, testCatalog)
			for path, data := range map[string]string{w.out: tt.goSrc, w.docs: tt.md, w.schema: tt.schema} {
				if data != "" {
					w.write(t, path, data)
				}
			}
			before := snapshot(t, w.dir)
			code, stdout, stderr := runErrgen(w.flags("-check")...)
			assert.Empty(t, stdout)
			var want string
			for _, name := range tt.wantStale {
				want += "errgen: " + filepath.Join(w.dir, map[string]string{"codes_gen.go": "coserr", "codes.md": "docs"}[name], name) + " is stale; run go generate ./...\n"
			}
			assert.Equal(t, want, stderr)
			if want == "" {
				assert.Equal(t, 0, code)
			} else {
				assert.Equal(t, 1, code)
			}
			assert.Equal(t, before, snapshot(t, w.dir), "-check wrote something")
		})
	}
}

// TestRunFailureLeavesOutputs checks that when errgen fails before it
// writes, every output stays exactly as it was.
func TestRunFailureLeavesOutputs(t *testing.T) {
	tests := []struct {
		name       string
		catalog    string
		args       func(w *workspace) []string
		wantStderr string
	}{
		{"bad catalog", badCatalog, func(w *workspace) []string { return w.flags() },
			"catalog.yaml:15:13: status 200 is outside 300..599\n"},
		{"bad catalog with -check", badCatalog, func(w *workspace) []string { return w.flags("-check") },
			"catalog.yaml:15:13: status 200 is outside 300..599\n"},
		{"missing catalog", testCatalog, func(w *workspace) []string {
			return append(w.flags(), "-catalog", filepath.Join(w.dir, "nope.yaml"))
		}, "errgen: open "},
		{"docs is a directory", testCatalog, func(w *workspace) []string {
			return append(w.flags(), "-docs", filepath.Dir(w.docs))
		}, "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorkspace(t, tt.catalog)
			w.write(t, w.out, "// old Go\n")
			w.write(t, w.docs, "old docs\n")
			w.write(t, w.schema, "{}\n")
			before := snapshot(t, w.dir)
			code, stdout, stderr := runErrgen(tt.args(w)...)
			assert.Equal(t, 1, code, "stderr %q", stderr)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.wantStderr)
			assert.Equal(t, before, snapshot(t, w.dir), "a failed run changed files")
		})
	}
}

// TestRunBadCatalogMessage checks that every problem is reported, one per
// line in the form compilers use.
func TestRunBadCatalogMessage(t *testing.T) {
	w := newWorkspace(t, badCatalog)
	code, _, stderr := runErrgen(w.flags()...)
	assert.Equal(t, 1, code)
	want := w.catalog + ":14:5: missing key \"description\" in code\n" +
		w.catalog + ":15:13: status 200 is outside 300..599\n" +
		w.catalog + ":16:12: unknown class \"NotFund\"\n"
	assert.Equal(t, want, stderr)
}
