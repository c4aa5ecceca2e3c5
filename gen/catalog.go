package gen

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// A Catalog is a loaded and validated catalog.yaml.
type Catalog struct {
	File     string    // the file name used in positions
	Families []*Family // in file order
	Sources  []*Source // in file order
	Classes  []*Class  // in file order
	Codes    []*Code   // in file order, which is the byte order of Code.Code
}

// A Family is a part of COS that sends error codes, such as the XML API.
type Family struct {
	Name        string // "COS"
	Description string // without white space at either end
	Pos         Pos
}

// A Source is a document or a program that facts come from.
type Source struct {
	ID    string // "cos-api-7730"
	URL   string // an http or https URL
	Title string // without white space at either end
	Pos   Pos
}

// A Class is one entry of the catalog's classes section.
type Class struct {
	Name        string // "NotFound"; the Go variable is "Err" + Name
	Description string // without white space at either end
	Hints       []Hint // most likely first
	Pos         Pos
}

// GoName is the name of the class's Go variable, "Err" + Name.
func (c *Class) GoName() string { return "Err" + c.Name }

// A Code is one entry of the catalog's codes section.
type Code struct {
	Code        string   // the wire spelling, exactly as COS sends it
	Name        string   // the Go identifier; Code unless the catalog sets name
	Aliases     []string // other wire spellings of the same code
	Statuses    []int    // primary first; empty when no source documents one
	Class       string   // a Class.Name
	Retryable   bool
	Why         string   // why Retryable is what it is; may be empty
	Families    []string // Family.Name of every family that sends the code
	SentAs      []SentAs // how COS sends the code inside another one
	ClockSkew   bool     // the code means that the local clock is wrong
	Sources     []string // Source.ID of every source its facts come from
	Description string   // without white space at either end
	Hints       []Hint   // most likely first
	Pos         Pos
}

// A SentAs is one way COS sends a code inside another: the other code's
// wire spelling, with the code's cause as its message.
type SentAs struct {
	Code    string // the wire spelling of another code of the catalog
	Message string // the <Message>, without white space at either end
	Pos     Pos
}

// A Hint is one likely cause of an error and what to do about it.
type Hint struct {
	Cause   string   // a likely cause, in a sentence
	Fix     string   // what to do about it, in a sentence
	Message string   // the <Message> COS sends for this cause, or "" when any message fits
	Sources []string // Source.ID of every source the hint comes from
	Pos     Pos
}

// Load parses and validates a catalog. file names it in positions; src is
// its content. When the catalog is invalid, Load returns a nil Catalog and
// an ErrorList holding every problem it found, each with its position.
func Load(file string, src []byte) (*Catalog, error) {
	l := &loader{file: file, cat: &Catalog{File: file},
		vals: map[*yaml.Node]map[string]*yaml.Node{}, bad: map[*yaml.Node]bool{},
		families: map[string]*declared{}, sources: map[string]*declared{}, classes: map[string]*declared{},
		wire: map[string]wireUse{}, goNames: map[string]Pos{}, texts: map[string]hintText{}}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc, extra yaml.Node
	err := dec.Decode(&doc)
	if err == nil {
		if err = dec.Decode(&extra); err == nil {
			l.errAt(&extra, "a catalog is one YAML document; this is a second")
		} else if errors.Is(err, io.EOF) {
			err = nil
		}
	}
	switch {
	case errors.Is(err, io.EOF):
		l.errs = ErrorList{{Pos{file, 1, 1}, "catalog is empty; want families, sources, classes and codes"}}
	case err != nil:
		l.errs = ErrorList{syntaxError(file, src, err)}
	default:
		l.root(doc.Content[0])
	}
	if len(l.errs) > 0 {
		l.errs.sort()
		return nil, l.errs
	}
	return l.cat, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns an error of the YAML parser into an Error at the line
// it names. Where it names none (a control character, bad UTF-8), the
// position is that of the first such byte.
func syntaxError(file string, src []byte, err error) *Error {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &Error{Pos{file, n, 0}, m[2]}
	}
	e := &Error{Pos{file, 1, 1}, err.Error()}
	line, col := 1, 1
	for _, r := range string(src) {
		if r == utf8.RuneError || unicode.IsControl(r) && !strings.ContainsRune("\t\n\r\u0085", r) {
			e.Pos = Pos{file, line, col}
			break
		}
		if col++; r == '\n' {
			line, col = line+1, 1
		}
	}
	e.Msg = strings.TrimPrefix(e.Msg, "yaml: ")
	return e
}
