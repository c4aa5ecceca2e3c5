package coserr

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/cosgo/errcatalog/coserr/internal/noverdict"
)

// maxPadRuns is the most runs of one white-space byte that the padding
// before a 200's verdict may hold: the replay keeps each run as a byte
// and a count, so that padding costs memory by its runs, not its length.
// COS pads with spaces, one run; more runs than this read as no verdict.
const maxPadRuns = 4096

// resultRoots are the root elements of the results that COS answers with
// a 200 it can fail inside: PUT Object - Copy, Upload Part - Copy and
// Complete Multipart Upload.
var resultRoots = map[string]bool{
	"CopyObjectResult":              true,
	"CopyPartResult":                true,
	"CompleteMultipartUploadResult": true,
}

// The states of reading a 200's verdict.
const (
	vLead   = iota // before the first markup: a BOM and white space
	vMarkup        // after '<', at the first byte of a tag
	vPI            // inside <? ... ?>, the declaration
	vOther         // inside <! ... >, a comment or doctype
	vPad           // after the declaration or a comment, before the root
	vRoot          // in the root element's name
	vError         // in an <Error> document, read up to MaxBodyBytes
	vDone          // the verdict is read
)

// A verdict reads the 200 of a request COS can fail inside (PUT Object -
// Copy, Upload Part - Copy, Complete Multipart Upload) as far as its root
// element's name: <Error> is an error, and is read on up to MaxBodyBytes;
// a result document's root (resultRoots) is the result; any other root,
// or a body that is no XML (a proxy's page), is foreign: no verdict, since
// the SDKs that decode the result fail on it too. White space
// before the root (COS pads the 200 of Complete Multipart Upload while it
// works) is not kept in doc and does not count against MaxBodyBytes: the
// request's context bounds that wait.
type verdict struct {
	doc     []byte  // the bytes read, white-space padding left out
	pieces  []piece // the bytes read, in order, for the replay; nil for a compressed body
	state   int
	name    int  // where the root's name starts in doc
	isErr   bool // the root is <Error>
	foreign bool // the body is no XML, or its root is neither <Error> nor a result's
	bound   bool // MaxBodyBytes came before the verdict
}

// A piece of a body read: doc[off:end], extra, or n times the byte ws.
type piece struct {
	off, end int
	extra    []byte
	ws       byte
	n        int64
}

// feed reads p, a chunk of the body, and returns how much of it it took;
// it stops at the verdict, at the end of an <Error> document's bounded
// read, or at MaxBodyBytes before a verdict (bound).
func (v *verdict) feed(p []byte) int {
	for i, c := range p {
		if v.state == vDone {
			return i
		}
		if (v.state == vLead || v.state == vPad) && isSpace(c) {
			v.pad(c)
			continue
		}
		if len(v.doc) >= MaxBodyBytes {
			if v.state != vError {
				v.bound = true
			}
			v.state = vDone
			return i
		}
		v.keep(c)
		switch v.state {
		case vLead, vPad:
			switch {
			case c == '<':
				v.state = vMarkup
			case v.state == vLead && (c == 0xef || c == 0xbb || c == 0xbf):
			default:
				v.foreign, v.state = true, vDone // no XML
			}
		case vMarkup:
			switch {
			case c == '?':
				v.state = vPI
			case c == '!':
				v.state = vOther
			case isNameStart(c):
				v.state, v.name = vRoot, len(v.doc)-1
			default:
				v.foreign, v.state = true, vDone
			}
		case vPI:
			if c == '>' && v.doc[len(v.doc)-2] == '?' {
				v.state = vPad
			}
		case vOther:
			if c == '>' {
				v.state = vPad
			}
		case vRoot:
			if !isNameByte(c) && c != ':' && !isSpace(c) && c != '/' && c != '>' {
				v.foreign, v.state = true, vDone // no tag ends its name so
			} else if !isNameByte(c) && c != ':' {
				name := v.doc[v.name : len(v.doc)-1]
				if i := bytes.LastIndexByte(name, ':'); i >= 0 {
					name = name[i+1:] // a namespace prefix, as Parse ignores it
				}
				if v.isErr = string(name) == "Error"; v.isErr {
					v.state = vError
				} else {
					v.foreign, v.state = !resultRoots[string(name)], vDone
				}
			}
		}
	}
	return len(p)
}

// pad takes a byte of padding: a run in pieces, nothing in doc.
func (v *verdict) pad(c byte) {
	if v.pieces == nil {
		return
	}
	if k := len(v.pieces) - 1; k >= 0 && v.pieces[k].n > 0 && v.pieces[k].ws == c {
		v.pieces[k].n++
		return
	}
	if len(v.pieces) >= 2*maxPadRuns {
		v.bound, v.state = true, vDone
		return
	}
	v.pieces = append(v.pieces, piece{ws: c, n: 1})
}

// keep takes a byte of the document.
func (v *verdict) keep(c byte) {
	v.doc = append(v.doc, c)
	if v.pieces == nil {
		return
	}
	if k := len(v.pieces) - 1; k >= 0 && v.pieces[k].n == 0 && v.pieces[k].end == len(v.doc)-1 {
		v.pieces[k].end++
		return
	}
	v.pieces = append(v.pieces, piece{off: len(v.doc) - 1, end: len(v.doc)})
}

// The causes of FromResponse's error for a 200 whose verdict it cannot
// read (the adapters give the same: package noverdict).
var (
	errNoVerdict    = fmt.Errorf("no verdict within the first %d bytes of the 200 body, white space aside", MaxBodyBytes)
	errShortVerdict = noverdict.ErrShort
	errForeign      = noverdict.ErrForeign
)

// readVerdict is FromResponse for the 200 of a request COS can fail
// inside. It reads the body as verdict says, decoding a gzip or deflate
// one, and puts it back whole, as received: nil for a result; the
// *ServiceError of an <Error> document; and a *ClientError when the
// verdict cannot be read: the body ended or failed first, did not decode,
// or held no verdict within MaxBodyBytes (of the body as received, and of
// the document decoded, white space before the root aside).
func readVerdict(resp *http.Response) error {
	if resp.Body == nil || resp.Body == http.NoBody {
		return FromTransport(resp.Request, fmt.Errorf("%w: %w", errShortVerdict, io.ErrUnexpectedEOF))
	}
	v := &verdict{}
	replay := &verdictBody{rest: resp.Body}
	var readErr error
	if enc, known := contentEncoding(resp.Header); known && enc != "" {
		tee := &boundedTee{r: resp.Body}
		dec, err := decoder(enc, tee)
		if err == nil {
			err = v.read(dec)
		}
		replay.pieces, replay.err = []piece{{extra: tee.raw}}, tee.err
		switch {
		case tee.err != nil:
			readErr = tee.err
		case tee.full:
			v.bound = v.bound || !v.isErr && v.state != vDone
		case err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF):
			readErr = fmt.Errorf("%w: %w", errDecode, err)
		}
	} else {
		v.pieces = make([]piece, 0, 4)
		readErr = v.read(resp.Body)
		for i := range v.pieces {
			if p := &v.pieces[i]; p.n == 0 && p.extra == nil {
				p.extra = v.doc[p.off:p.end]
			}
		}
		replay.pieces, replay.err = v.pieces, readErr
	}
	resp.Body = replay
	switch {
	case v.isErr:
		e := &ServiceError{}
		e.parse(resp.StatusCode, resp.Header, v.doc)
		e.Err = redactChain(readErr)
		e.setRequest(resp.Request)
		return e
	case v.bound:
		return FromTransport(resp.Request, errNoVerdict)
	case v.foreign:
		return FromTransport(resp.Request, errForeign)
	case v.state == vDone:
		return nil
	case readErr != nil:
		return FromTransport(resp.Request, fmt.Errorf("reading the 200 body's verdict: %w", readErr))
	}
	return FromTransport(resp.Request, fmt.Errorf("%w: %w", errShortVerdict, io.ErrUnexpectedEOF))
}

// read feeds v from r until the verdict, the end or an error, which it
// returns (nil for the end of the body). Bytes of the last read that v
// did not take are kept for the replay.
func (v *verdict) read(r io.Reader) error {
	var buf [4 << 10]byte
	for empty := 0; v.state != vDone && empty < maxEmptyReads; {
		n, err := r.Read(buf[:])
		if n < 0 || n > len(buf) {
			return errBadReadCount
		}
		if took := v.feed(buf[:n]); took < n && v.pieces != nil {
			v.pieces = append(v.pieces, piece{extra: append([]byte(nil), buf[took:n]...)})
		}
		if v.state == vError && len(v.doc) >= MaxBodyBytes {
			v.state = vDone
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if n == 0 {
			empty++
		} else {
			empty = 0
		}
	}
	return nil
}
