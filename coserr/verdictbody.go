package coserr

import (
	"errors"
	"io"
)

// verdictBody replaces the body of a 200 that readVerdict read: it gives
// back the pieces read, then the rest of the original body, or the error
// that stopped the read.
type verdictBody struct {
	pieces []piece
	rest   io.ReadCloser
	err    error
	closeGuard
}

// Read gives the pieces read, then the original stream; after Close it
// fails.
func (r *verdictBody) Read(p []byte) (int, error) {
	if err := r.readErr(r.rest); err != nil {
		return 0, err
	}
	for len(r.pieces) > 0 {
		q := &r.pieces[0]
		if q.n > 0 {
			n := int(min(int64(len(p)), q.n))
			for i := range n {
				p[i] = q.ws
			}
			q.n -= int64(n)
			if q.n == 0 {
				r.pieces = r.pieces[1:]
			}
			return n, nil
		}
		if len(q.extra) > 0 {
			n := copy(p, q.extra)
			q.extra = q.extra[n:]
			return n, nil
		}
		r.pieces = r.pieces[1:]
	}
	if r.err != nil {
		return 0, r.err
	}
	return r.rest.Read(p)
}

// Close closes the original body, once.
func (r *verdictBody) Close() error { return r.close(r.rest) }

// boundedTee reads r and keeps what it read, up to MaxBodyBytes; then it
// reads no more (full).
type boundedTee struct {
	r    io.Reader
	raw  []byte
	err  error // r's error, other than io.EOF
	full bool
}

// errTeeFull stops the decoder of a compressed body at MaxBodyBytes.
var errTeeFull = errors.New("the body's first MaxBodyBytes hold no verdict")

func (t *boundedTee) Read(p []byte) (int, error) {
	room := MaxBodyBytes - len(t.raw)
	if room <= 0 {
		t.full = true
		return 0, errTeeFull
	}
	p = p[:min(len(p), room)]
	n, err := t.r.Read(p)
	if n < 0 || n > len(p) {
		n, err = 0, errBadReadCount
	}
	t.raw = append(t.raw, p[:n]...)
	if err != nil && !errors.Is(err, io.EOF) {
		t.err = err
	}
	return n, err
}
