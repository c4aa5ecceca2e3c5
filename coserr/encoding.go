package coserr

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"net/http"
	"strings"
)

// contentEncoding is the one compression of a response's body that
// FromResponse decodes, "gzip" or "deflate", or "" for an identity body
// (or one net/http already decoded, or an encoding it does not know).
func contentEncoding(h http.Header) string {
	v := h["Content-Encoding"]
	if len(v) != 1 {
		return ""
	}
	switch e := strings.ToLower(strings.TrimSpace(v[0])); e {
	case "gzip", "x-gzip":
		return "gzip"
	case "deflate":
		return e
	}
	return ""
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
// before the data ends or turns out corrupt.
func decodeBody(encoding string, raw []byte) []byte {
	r, err := decoder(encoding, bytes.NewReader(raw))
	if err != nil {
		return nil
	}
	out := make([]byte, 0, min(4*len(raw)+512, MaxBodyBytes))
	for len(out) < MaxBodyBytes {
		if len(out) == cap(out) {
			out = append(out, 0)[:len(out)]
		}
		n, err := r.Read(out[len(out):min(cap(out), MaxBodyBytes)])
		out = out[:len(out)+n]
		if err != nil {
			break
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
