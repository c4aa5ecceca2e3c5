package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// An output is one file errgen writes.
type output struct {
	path string
	data []byte
}

// writeAll writes every output or none. Each new content goes to a
// temporary file beside its target first; only when all of them are
// complete are they moved into place with rename (os.Rename; tests pass
// one that fails). Should a rename fail, the targets already replaced get
// their old content and permissions back, or are removed if they are new,
// so the files end as they were. Outputs whose content is unchanged are
// left alone, and a replaced file keeps its permissions. No temporary file
// outlives the call.
func writeAll(outputs []output, rename func(oldpath, newpath string) error) error {
	type pending struct {
		output
		tmp     string
		old     []byte
		mode    fs.FileMode
		existed bool
	}
	var todo []*pending
	defer func() {
		for _, p := range todo {
			if p.tmp != "" {
				os.Remove(p.tmp)
			}
		}
	}()
	for _, o := range outputs {
		old, err := os.ReadFile(o.path)
		existed := err == nil
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if existed && bytes.Equal(old, o.data) {
			continue
		}
		p := &pending{output: o, old: old, mode: 0o644, existed: existed}
		if existed {
			fi, err := os.Stat(o.path)
			if err != nil {
				return err
			}
			p.mode = fi.Mode().Perm()
		}
		todo = append(todo, p)
		if p.tmp, err = writeTemp(o.path, o.data, p.mode); err != nil {
			return err
		}
	}
	for i, p := range todo {
		if err := rename(p.tmp, p.path); err != nil {
			errs := []error{err}
			for _, done := range todo[:i] {
				if rerr := restore(done.path, done.old, done.mode, done.existed, rename); rerr != nil {
					errs = append(errs, fmt.Errorf("restoring %s: %w", done.path, rerr))
				}
			}
			return errors.Join(errs...)
		}
		p.tmp = ""
	}
	return nil
}

// writeTemp writes data, synced, to a new temporary file with the given
// permissions in the directory of path and returns its name.
func writeTemp(path string, data []byte, mode fs.FileMode) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(mode)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// restore puts back a file's previous content and permissions, or removes
// a file that did not exist before.
func restore(path string, old []byte, mode fs.FileMode, existed bool, rename func(oldpath, newpath string) error) error {
	if !existed {
		return os.Remove(path)
	}
	tmp, err := writeTemp(path, old, mode)
	if err != nil {
		return err
	}
	if err := rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
