package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
			"catalog.yaml:15:13: status 200 outside 300..599\n"},
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
	want := w.catalog + ":14:5: missing key \"description\" in code\n" +
		w.catalog + ":15:13: status 200 outside 300..599\n" +
		w.catalog + ":16:12: unknown class \"NotFund\"\n"
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
