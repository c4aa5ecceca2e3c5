package coserr

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// contentEncoding is the one compression of a response's body that
// FromResponse decodes, "gzip" (or x-gzip) or "deflate", from the codings
// the Content-Encoding header lists (in one line or several, any case),
// identity aside: "" for an identity body, or one net/http already
// decoded. known is false for a body FromResponse cannot decode: another
// coding (br, zstd) or more than one; enc then names them as sent.
func contentEncoding(h http.Header) (enc string, known bool) {
	vals := h["Content-Encoding"]
	if len(vals) == 1 {
		// The common case, one coding, without splitting.
		switch e := strings.ToLower(strings.TrimSpace(vals[0])); e {
		case "gzip", "x-gzip":
			return "gzip", true
		case "deflate":
			return e, true
		case "identity", "":
			return "", true
		}
	}
	var codings []string
	for _, v := range vals {
		for c := range strings.SplitSeq(v, ",") {
			if c = strings.ToLower(strings.TrimSpace(c)); c != "" && c != "identity" {
				codings = append(codings, c)
			}
		}
	}
	switch {
	case len(codings) == 0:
		return "", true
	case len(codings) == 1 && (codings[0] == "gzip" || codings[0] == "x-gzip"):
		return "gzip", true
	case len(codings) == 1 && codings[0] == "deflate":
		return "deflate", true
	}
	return strings.Join(codings, ", "), false
}

// decoder reads the body r encoded with encoding: gzip, or deflate as
// HTTP means it (zlib's format) or, failing its header, raw DEFLATE, as
// some servers send it.
func decoder(encoding string, r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 512)
	if encoding == "gzip" {
		return gzip.NewReader(br)
	}
	if head, _ := br.Peek(2); len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// errDecode is the cause of FromResponse's error for a compressed 200
// whose verdict does not decode.
var errDecode = errors.New("the body does not decode")

// decodeBody decodes an error body that FromResponse read (at most
// MaxBodyBytes, compressed): at most MaxBodyBytes of it, or what decodes
// before the data ends or turns out corrupt. err says why it stopped short
// of the end: the data is corrupt, or ends within MaxBodyBytes before the
// stream does; a body cut at MaxBodyBytes is no failure.
func decodeBody(encoding string, raw []byte) (out []byte, err error) {
	r, err := decoder(encoding, bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	out = make([]byte, 0, min(4*len(raw)+512, MaxBodyBytes))
	for len(out) < MaxBodyBytes {
		if len(out) == cap(out) {
			out = append(out, 0)[:len(out)]
		}
		var n int
		n, err = r.Read(out[len(out):min(cap(out), MaxBodyBytes)])
		out = out[:len(out)+n]
		if err != nil {
			break
		}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) && len(raw) >= MaxBodyBytes {
		err = nil
	}
	if len(out) == 0 {
		out = nil
	}
	return out, err
}

// decoded is an error body as read (at most MaxBodyBytes), decoded by
// the Content-Encoding of header: gzip or deflate decoded within bounds;
// a body in a coding it does not decode, or that does not decode, gives
// err saying so and what could be read; a plain document under a wrong
// label stays as it is.
func decoded(header http.Header, body []byte) (_ []byte, err error) {
	if len(header["Content-Encoding"]) == 0 || body == nil {
		return body, nil
	}
	switch enc, known := contentEncoding(header); {
	case !known:
		if !isDocument(body) { // a proxy may label a plain document wrongly
			err = decodeError(enc, nil)
		}
	case enc != "":
		out, derr := decodeBody(enc, body)
		if derr != nil {
			err = decodeError(enc, derr)
		}
		if out != nil || !isDocument(body) {
			body = out
		}
	}
	return body, err
}

// decodeError is the Err of a ServiceError whose body, marked with
// Content-Encoding enc, could not be read: it does not decode (cause),
// or FromResponse does not decode that coding (cause nil).
func decodeError(enc string, cause error) error {
	if cause == nil {
		return fmt.Errorf("the body's content encoding %q is not one FromResponse decodes", enc)
	}
	return fmt.Errorf("%w as content encoding %s: %w", errDecode, enc, cause)
}

// isDocument reports whether body starts, after white space, as an XML or
// JSON document does, which a compressed stream cannot.
func isDocument(body []byte) bool {
	c := firstByte(body)
	return c == '<' || c == '{'
}
