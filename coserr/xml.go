package coserr

// Reading an XML <Error> document: the one-pass fast path for what COS
// sends, and the encoding/xml path for everything else, which a
// differential test and FuzzFastXML hold to the same answer.

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"io"
	"net/http"
	"unicode/utf8"
)

// parseXMLFast is the hot path for the common COS error document:
//
//	<?xml version='1.0' encoding='utf-8' ?>
//	<Error><Code>NoSuchKey</Code><Message>...</Message>...</Error>
//
// It reads the document in one pass over the bytes, without encoding/xml,
// and copies the five fields out in a single string allocation that they
// share, less those it finds in header or the catalog (fieldsFromBytes).
// It accepts only what it can read exactly as encoding/xml would:
// plain child elements holding plain text. Anything else (entities, CDATA,
// comments, namespaces, attributes, nested elements, carriage returns,
// characters XML forbids, another encoding, a document that breaks off)
// makes it report ok == false, and parseBody takes the general path. A
// differential test and the fuzz target FuzzFastXML hold the two paths to
// the same answer.
func parseXMLFast(body []byte, header http.Header) (f fields, ok bool) {
	b := body
	if len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf {
		b = b[3:] // a UTF-8 byte order mark
	}
	i := skipSpace(b, 0)
	if hasPrefix(b[i:], "<?xml") {
		n := xmlDecl(b[i:])
		if n == 0 {
			return f, false
		}
		i = skipSpace(b, i+n)
	}
	if !hasPrefix(b[i:], "<Error>") {
		return f, false
	}
	i += len("<Error>")

	var vals [numFields][]byte // by slot; a later child wins, as in fieldsOf
	for {
		i = skipSpace(b, i)
		if i+1 >= len(b) || b[i] != '<' {
			return f, false
		}
		if b[i+1] == '/' {
			if !hasPrefix(b[i:], "</Error>") {
				return f, false
			}
			break
		}
		// <Name>text</Name> or <Name/>
		j := i + 1
		if !isNameStart(b[j]) {
			return f, false
		}
		for j++; j < len(b) && isNameByte(b[j]); j++ {
		}
		if j >= len(b) {
			return f, false
		}
		name := b[i+1 : j]
		var text []byte
		switch b[j] {
		case '>':
			start := j + 1
			end := scanText(b, start)
			if end < 0 {
				return f, false
			}
			// </Name>
			c := end + 2 + len(name)
			if c >= len(b) || b[end+1] != '/' || b[c] != '>' || !bytes.Equal(b[end+2:c], name) {
				return f, false
			}
			text, i = b[start:end], c+1
		case '/':
			if j+1 >= len(b) || b[j+1] != '>' {
				return f, false
			}
			text, i = b[j:j], j+2
		default:
			return f, false
		}
		if k := xmlFieldSlot(name); k >= 0 {
			vals[k] = text
		}
	}
	f = fieldsFromBytes(&vals, header)
	f.isError = true
	return f, true
}

// xmlFieldSlot is fieldSlot, quicker for the names COS sends.
func xmlFieldSlot(name []byte) int {
	switch string(name) {
	case "Code":
		return slotCode
	case "Message":
		return slotMessage
	case "Resource":
		return slotResource
	case "RequestId":
		return slotRequestID
	case "TraceId":
		return slotTraceID
	case "StringToSign", "FormatString", "ServerTime":
		return -1
	}
	return fieldSlot(name)
}

// textClass marks the bytes scanText must look at: 1 for those that end or
// spoil plain text ('<', '&', ']', and control characters other than tab
// and newline, carriage return included, since encoding/xml folds it), 2
// for the first byte of a multi-byte UTF-8 sequence.
var textClass = func() (t [256]uint8) {
	for c := range 0x20 {
		if c != '\t' && c != '\n' {
			t[c] = 1
		}
	}
	t['<'], t['&'], t[']'] = 1, 1, 1
	for c := 0x80; c < 0x100; c++ {
		t[c] = 2
	}
	return t
}()

// scanText returns the index of the '<' that ends the character data at
// b[i:], or -1 when the data is not plain text that encoding/xml would
// return unchanged: it holds an entity reference, a carriage return, a
// "]]>", invalid UTF-8 or a character XML forbids, or runs to the end.
//
// It looks at eight bytes at a time while they are plain printable ASCII,
// which COS's codes, ids and messages are, and at one byte at a time
// around anything else.
func scanText(b []byte, i int) int {
	for i < len(b) {
		if i+8 <= len(b) && plainWord(binary.LittleEndian.Uint64(b[i:])) {
			i += 8
			continue
		}
		c := b[i]
		switch textClass[c] {
		case 0:
			i++
			continue
		case 2:
			r, size := utf8.DecodeRune(b[i:])
			// utf8.RuneError rejects invalid UTF-8 (and, needlessly, a
			// genuine U+FFFD); U+FFFE and U+FFFF are not XML characters.
			if r == utf8.RuneError || r == 0xFFFE || r == 0xFFFF {
				return -1
			}
			i += size
			continue
		}
		switch {
		case c == '<':
			return i
		case c == ']' && i+2 < len(b) && b[i+1] == ']' && b[i+2] == '>':
			return -1 // encoding/xml rejects "]]>" outside CDATA
		case c == ']':
			i++
			continue
		}
		return -1
	}
	return -1
}

// Masks for plainWord: a byte repeated in every lane.
const (
	lanes01 = 0x0101010101010101
	lanes80 = 0x8080808080808080
)

// plainWord reports whether the eight bytes of x (little-endian) are all
// ASCII from ' ' up that scanText passes over: none is a control
// character, a byte of a multi-byte sequence, '<', '&' or ']'.
func plainWord(x uint64) bool {
	// hasLess(x, n) has a lane's high bit set when that byte is below n
	// (for bytes below 0x80, which the first test ensures).
	hasLess := func(x uint64, n uint64) uint64 { return (x - lanes01*n) & ^x & lanes80 }
	hasZero := func(x uint64) uint64 { return (x - lanes01) & ^x & lanes80 }
	return x&lanes80 == 0 &&
		hasLess(x, 0x20) == 0 &&
		hasZero(x^(lanes01*'<')) == 0 &&
		hasZero(x^(lanes01*'&')) == 0 &&
		hasZero(x^(lanes01*']')) == 0
}

// xmlDecl returns the length of the XML declaration at the start of b, up
// to and including "?>", when it is one that encoding/xml reads as this
// path does: version 1.0, then optionally encoding UTF-8 (any case) and
// standalone yes or no, each value quoted, in that order, separated by
// white space. It returns 0 for any other declaration.
func xmlDecl(b []byte) int {
	i := len("<?xml")
	for k, attr := range [...]string{"version", "encoding", "standalone"} {
		j := skipSpace(b, i)
		if hasPrefix(b[j:], "?>") && k > 0 {
			return j + 2
		}
		if j == i || !hasPrefix(b[j:], attr) {
			if k == 0 {
				return 0
			}
			continue
		}
		j += len(attr)
		if j+1 >= len(b) || b[j] != '=' || (b[j+1] != '"' && b[j+1] != '\'') {
			return 0
		}
		q := b[j+1]
		v := b[j+2:]
		end := bytes.IndexByte(v, q)
		if end < 0 {
			return 0
		}
		v = v[:end]
		switch attr {
		case "version":
			if string(v) != "1.0" {
				return 0
			}
		case "encoding":
			if !bytes.EqualFold(v, []byte("utf-8")) {
				return 0
			}
		case "standalone":
			if string(v) != "yes" && string(v) != "no" {
				return 0
			}
		}
		i = j + 2 + end + 1
	}
	j := skipSpace(b, i)
	if !hasPrefix(b[j:], "?>") {
		return 0
	}
	return j + 2
}

// xmlChildren is the general XML path: encoding/xml reads the document and
// every child element of a root <Error> (in any namespace) is returned with
// its text. Entities, CDATA, comments and namespaces are all understood; a
// document that breaks off keeps the children completed before the break.
// isError reports whether the root element is <Error>.
//
// A document that breaks XML's rules inside an element, as a proxy's or
// an unescaped echo of an object key does, is read on past it: bytes that
// are not UTF-8 (another charset's) and characters XML forbids (NUL, other
// control characters) each read as U+FFFD, and a bare '&' or an entity
// XML does not define stays as it is (encoding/xml's non-strict mode), so
// that the fields after it, the request id among them, are kept.
// Entities a doctype defines are never expanded.
func xmlChildren(body []byte) (kids []kv, isError bool) {
	d := xml.NewDecoder(bytes.NewReader(textChars(body)))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	depth := 0
	var name string
	var text []byte
	for {
		tok, err := d.Token()
		if err != nil {
			return kids, isError
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch depth {
			case 1:
				if t.Name.Local != "Error" {
					return nil, false
				}
				isError = true
			case 2:
				name, text = t.Name.Local, text[:0]
			}
		case xml.CharData:
			if depth >= 2 {
				text = append(text, t...)
			}
		case xml.EndElement:
			if depth == 2 {
				kids = append(kids, kv{name, string(text)})
			}
			depth--
			if depth == 0 {
				return kids, isError
			}
		}
	}
}
