package coserr

import (
	"errors"
	"io"
	"sync/atomic"
)

// closeGuard is the Close of a body that FromResponse puts in place of a
// response's: it closes the original body once, however often it is
// called, and after it reads fail as net/http's do.
type closeGuard struct{ closed atomic.Bool }

// errReadOnClosed is the failure of a read after Close, when the original
// body does not give its own; it is the text of net/http's.
var errReadOnClosed = errors.New("http: read on closed response body")

// close closes rest the first time it is called; later calls return nil,
// as net/http's response body does.
func (g *closeGuard) close(rest io.Closer) error {
	if g.closed.Swap(true) {
		return nil
	}
	return rest.Close()
}

// readErr is the error a read returns once the body is closed: the
// original's own (net/http's "read on closed response body"), else
// errReadOnClosed. It is nil while the body is open.
func (g *closeGuard) readErr(rest io.Reader) error {
	if !g.closed.Load() {
		return nil
	}
	if _, err := rest.Read(nil); err != nil && err != io.EOF {
		return err
	}
	return errReadOnClosed
}
