package miniov7

import (
	"io"
	"net/http"
	"strings"

	"github.com/cosgo/errcatalog/internal/diagnose"
)

// unpadTransport hands minio the body of a response to Complete Multipart
// Upload or a copy (as coserr.FromResponse tells them:
// diagnose.MayFailIn200) without the white space before its root
// element: COS pads Complete's 200 while the merge runs, and a copy is
// read the same way.
type unpadTransport struct{ rt http.RoundTripper }

func (t unpadTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.rt.RoundTrip(req)
	if err != nil || resp == nil || resp.Body == nil || resp.Body == http.NoBody || !diagnose.MayFailIn200(req) {
		return resp, err
	}
	if enc := resp.Header.Get("Content-Encoding"); enc != "" && !strings.EqualFold(enc, "identity") {
		return resp, err // the bytes are compressed: there is no white space to see
	}
	resp.Body = &unpadded{body: resp.Body}
	return resp, nil
}

// The states of an unpadded body.
const (
	uLead = iota // before markup: white space is dropped
	uOpen        // after the first '<' of a tag
	uPI          // inside <? ... ?>, the declaration
	uPass        // in the root element: every byte passes
)

// unpadded drops the white space before the root element of an XML body,
// and between its declaration and its root, and passes every other byte.
type unpadded struct {
	body  io.ReadCloser
	state int
	prev  byte // the last byte passed, to find the end of a declaration
}

// Read reads the body, leaving out the padding.
func (u *unpadded) Read(p []byte) (int, error) {
	for {
		n, err := u.body.Read(p)
		if u.state == uPass {
			return n, err
		}
		k := 0
		for _, c := range p[:n] {
			switch u.state {
			case uLead:
				if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
					continue
				}
				u.state = uPass
				if c == '<' {
					u.state = uOpen
				}
			case uOpen:
				u.state = uPass
				if c == '?' {
					u.state = uPI
				}
			case uPI:
				if c == '>' && u.prev == '?' {
					u.state = uLead
				}
			}
			p[k] = c
			k++
			u.prev = c
		}
		if k > 0 || err != nil || n == 0 {
			return k, err
		}
	}
}

// Close closes the body.
func (u *unpadded) Close() error { return u.body.Close() }
