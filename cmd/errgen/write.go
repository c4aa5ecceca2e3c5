package main

import (
	"bytes"
	"errors"
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
// complete are they renamed into place. Should a rename fail, the targets
// already replaced get their old content back, so the files end as they
// were. Outputs whose content is unchanged are left alone.
func writeAll(outputs []output) (err error) {
	type pending struct {
		output
		tmp     string
		old     []byte
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
		p := &pending{output: o, old: old, existed: existed}
		todo = append(todo, p)
		if p.tmp, err = writeTemp(o.path, o.data); err != nil {
			return err
		}
	}
	for i, p := range todo {
		if err := os.Rename(p.tmp, p.path); err != nil {
			for _, done := range todo[:i] {
				restore(done.path, done.old, done.existed)
			}
			return err
		}
		p.tmp = ""
	}
	return nil
}

// writeTemp writes data to a new temporary file in the directory of path
// and returns its name.
func writeTemp(path string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
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

// restore puts back a file's previous content, or removes a file that did
// not exist before.
func restore(path string, old []byte, existed bool) {
	if !existed {
		os.Remove(path)
		return
	}
	if tmp, err := writeTemp(path, old); err == nil {
		if os.Rename(tmp, path) != nil {
			os.Remove(tmp)
		}
	}
}
