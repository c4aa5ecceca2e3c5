package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf16"

	"github.com/cosgo/errcatalog/gen"
	"github.com/cosgo/errcatalog/internal/diagnose"
	"github.com/cosgo/errcatalog/internal/diagnose/fromcatalog"
)

// stdin is what errgen diagnose reads without a FILE.
var stdin io.Reader = os.Stdin

// maxPaste is the most bytes errgen diagnose diagnoses: the last of an
// input that is longer. maxRead is the most it reads of its input.
const (
	maxPaste = 1 << 20
	maxRead  = 256 << 20
)

// readTail reads r, up to limit bytes, and returns the last max of them
// (from the start of a line, when it cut), and whether it cut any.
func readTail(r io.Reader, max, limit int) (tail []byte, cut bool, err error) {
	buf := make([]byte, 0, 2*max)
	chunk := make([]byte, 64<<10)
	for read := 0; read < limit; {
		n, err := r.Read(chunk[:min(len(chunk), limit-read)])
		read += n
		if len(buf)+n > cap(buf) {
			keep := buf[len(buf)-max:]
			buf = buf[:copy(buf[:max], keep)]
			cut = true
		}
		buf = append(buf, chunk[:n]...)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false, err
		}
	}
	if len(buf) > max {
		buf, cut = buf[len(buf)-max:], true
	}
	if cut {
		if i := bytes.IndexByte(buf, '\n'); i >= 0 {
			buf = buf[i+1:]
		}
	}
	return buf, cut, nil
}

// diagnoseCmd runs errgen diagnose [FILE]: it reads what a person pasted
// about a failed COS request (FILE, or standard input) and prints the
// report coserr.Diagnose gives for the same error: the code, its meaning
// and whether to retry; the findings; the catalog's hints; the request id
// and where to paste it in Tencent's diagnosis tool. The catalog is the
// one explain reads. It returns the exit status: 0 for a report, 1 when
// the input holds no COS error or a file cannot be read, 2 on bad usage.
func diagnoseCmd(args []string, catalogPath string, given bool, stdout, stderr io.Writer) int {
	if len(args) > 1 || len(args) == 1 && len(args[0]) > 1 && args[0][0] == '-' { // a flag after diagnose; "-" is standard input
		fmt.Fprintln(stderr, "usage: errgen diagnose [FILE]")
		return 2
	}
	r := stdin
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			fmt.Fprintf(stderr, "errgen: %v\n", err)
			return 1
		}
		defer f.Close()
		r = f
	}
	text, cut, err := readTail(r, maxPaste, maxRead)
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	if cut {
		fmt.Fprintf(stderr, "errgen: the input is over %d MiB: read its last %d MiB, where a log's latest error is\n", maxPaste>>20, maxPaste>>20)
	}
	file, src, err := explainCatalog(catalogPath, given)
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	cat, err := gen.Load(file, src)
	if err != nil {
		var list gen.ErrorList
		if errors.As(err, &list) {
			fmt.Fprintln(stderr, list)
		} else {
			fmt.Fprintf(stderr, "errgen: %v\n", err)
		}
		return 1
	}
	paste := decodeText(text)
	report, err := fromcatalog.Report(cat, paste)
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	if in, ok := diagnose.ParseText(paste); ok && in.Errors > 1 && !in.LastError { // a RetryError's attempts are one failure
		fmt.Fprintf(stderr, "errgen: the input holds %d errors; the report is about the first: paste one at a time for the others\n", in.Errors)
	}
	if _, err := io.WriteString(stdout, report); err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	return 0
}

// decodeText is the text of b: UTF-8, or UTF-16 when b starts with its
// byte order mark or has a NUL in every other byte of its start (what
// Windows PowerShell's > writes), little- or big-endian.
func decodeText(b []byte) string {
	bigEndian, ok := false, false
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		b, ok = b[2:], true
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		b, bigEndian, ok = b[2:], true, true
	case len(b) >= 8 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0:
		ok = true
	case len(b) >= 8 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0:
		bigEndian, ok = true, true
	}
	if !ok {
		return string(b)
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
	}
	return string(utf16.Decode(units))
}
