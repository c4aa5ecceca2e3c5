package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errInjected = errors.New("injected failure")

// failRename returns a rename that fails whenever it would replace one of
// targets; other renames go through.
func failRename(targets ...string) func(oldpath, newpath string) error {
	return func(oldpath, newpath string) error {
		if slices.Contains(targets, newpath) {
			return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: errInjected}
		}
		return os.Rename(oldpath, newpath)
	}
}

// failRenameAfter returns a rename that lets the first n renames through
// and fails the others.
func failRenameAfter(n int) func(oldpath, newpath string) error {
	return func(oldpath, newpath string) error {
		if n--; n < 0 {
			return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: errInjected}
		}
		return os.Rename(oldpath, newpath)
	}
}

func TestWriteAll(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.md")
	require.NoError(t, os.WriteFile(b, []byte("old b\n"), 0o600))

	require.NoError(t, writeAll([]output{{a, []byte("new a\n")}, {b, []byte("new b\n")}}, os.Rename))
	files := snapshot(t, dir)
	assert.Equal(t, []string{"a.go", "b.md"}, slices.Sorted(slices.Values(keys(files))), "no temporary files")
	assert.Equal(t, fileState{"new a\n", 0o644, files["a.go"].modTime}, files["a.go"], "a new file is 0644")
	assert.Equal(t, fileState{"new b\n", 0o600, files["b.md"].modTime}, files["b.md"], "a replaced file keeps its mode")
}

func TestWriteAllUnchanged(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.go")
	require.NoError(t, os.WriteFile(a, []byte("same\n"), 0o644))
	require.NoError(t, os.Chtimes(a, oldTime, oldTime))
	before := snapshot(t, dir)
	require.NoError(t, writeAll([]output{{a, []byte("same\n")}}, failRenameAfter(0)), "any write would fail")
	assert.Equal(t, before, snapshot(t, dir))
}

// TestWriteAllFailure checks that a failure at any step leaves every
// output as it was, the first one included, and no temporary file: in
// cases the superuser meets too (a directory that is a file, a target that
// is a directory, a rename that fails).
func TestWriteAllFailure(t *testing.T) {
	tests := []struct {
		name     string
		firstOld bool // whether the first output exists before
		second   func(dir string) string
		setup    func(t *testing.T, first, second string)
		rename   func(second string) func(oldpath, newpath string) error
		wantErr  string
	}{
		{"second's directory is a file", true,
			func(dir string) string { return filepath.Join(dir, "file", "b.md") },
			func(t *testing.T, _, second string) {
				require.NoError(t, os.WriteFile(filepath.Dir(second), []byte("x"), 0o644))
			}, nil, "not a directory"},
		{"second's directory is missing", true,
			func(dir string) string { return filepath.Join(dir, "missing", "b.md") }, nil, nil,
			"no such file or directory"},
		{"second is a directory", true,
			func(dir string) string { return filepath.Join(dir, "b.md") },
			func(t *testing.T, _, second string) { require.NoError(t, os.Mkdir(second, 0o755)) }, nil,
			"is a directory"},
		{"rename of second fails", true,
			func(dir string) string { return filepath.Join(dir, "b.md") }, nil,
			func(second string) func(oldpath, newpath string) error { return failRename(second) }, "injected failure"},
		{"rename of second fails, first was new", false,
			func(dir string) string { return filepath.Join(dir, "b.md") }, nil,
			func(second string) func(oldpath, newpath string) error { return failRename(second) }, "injected failure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			first, second := filepath.Join(dir, "a.go"), tt.second(dir)
			if tt.firstOld {
				require.NoError(t, os.WriteFile(first, []byte("old a\n"), 0o640))
				require.NoError(t, os.Chtimes(first, oldTime, oldTime))
			}
			if tt.setup != nil {
				tt.setup(t, first, second)
			}
			rename := os.Rename
			if tt.rename != nil {
				rename = tt.rename(second)
			}
			before := snapshot(t, dir)
			err := writeAll([]output{{first, []byte("new a\n")}, {second, []byte("new b\n")}}, rename)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			after := snapshot(t, dir)
			if tt.rename != nil { // the first file was put back, with a new modification time
				before, after = contents(before), contents(after)
			}
			assert.Equal(t, before, after)
		})
	}
}

// TestWriteAllRestoreFails checks the worst case: the second rename fails
// and so does putting the first back. The error says so, and still no
// temporary file is left.
func TestWriteAllRestoreFails(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.md")
	require.NoError(t, os.WriteFile(first, []byte("old a\n"), 0o644))
	err := writeAll([]output{{first, []byte("new a\n")}, {second, []byte("new b\n")}}, failRenameAfter(1))
	require.ErrorIs(t, err, errInjected)
	assert.Contains(t, err.Error(), "restoring "+first)
	files := snapshot(t, dir)
	assert.Equal(t, []string{"a.go"}, keys(files), "no temporary files")
}

func TestWriteAllNothingToDo(t *testing.T) {
	require.NoError(t, writeAll(nil, failRenameAfter(0)))
	var pe *fs.PathError
	err := writeAll([]output{{filepath.Join(t.TempDir(), "no", "dir", "a.go"), []byte("a")}}, os.Rename)
	require.ErrorAs(t, err, &pe)
}
