package gen

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// A Catalog is a loaded and validated catalog.yaml. Its entries are in
// file order, which for codes is the byte order of Code.Code.
type Catalog struct {
	File     string // the file name used in positions
	Families []*Family
	Sources  []*Source
	Classes  []*Class
	Codes    []*Code
}

// A Family is a part of COS that sends error codes, such as the XML API.
type Family struct {
	Name, Description string
	Pos               Pos
}

// A Source is a document or a program that facts come from.
type Source struct {
	ID, URL, Title string
	Pos            Pos
}

// A Class is one entry of the catalog's classes section.
type Class struct {
	Name        string // "NotFound"; the Go variable is GoName
	Description string
	Hints       []Hint // most likely first
	Pos         Pos
}

// GoName is the name of the class's Go variable, "Err" + Name.
func (c *Class) GoName() string { return "Err" + c.Name }

// A Code is one entry of the catalog's codes section. Texts are trimmed
// of white space at either end.
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
	ClockSkew   bool     // the code can mean that the local clock is wrong
	Checks      []string // what Diagnose checks for the code besides its class's and the clock's: "signature", "cors"
	Sources     []string // Source.ID of every source its facts come from
	Description string
	Hints       []Hint // most likely first
	Pos         Pos
}

// A SentAs is one way COS sends a code inside another: the other code's
// wire spelling, with the code's cause as its message.
type SentAs struct {
	Code, Message string
	Pos           Pos
}

// A Hint is one likely cause of an error and what to do about it.
type Hint struct {
	Cause, Fix string
	Message    string   // the <Message> COS sends for this cause, or "" when any message fits
	Sources    []string // Source.ID of every source the hint comes from
	Pos        Pos
}

// Pos is a position in a catalog file. Line and Col count from 1; Col is
// 0 where only the line is known (a YAML syntax error).
type Pos struct {
	File      string
	Line, Col int
}

// String formats p as FILE:LINE:COL, the form compilers use, or FILE:LINE.
func (p Pos) String() string {
	if p.Col == 0 {
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// An Error is one problem found in a catalog, at a position.
type Error struct {
	Pos Pos
	Msg string
}

// Error formats e as "FILE:LINE:COL: message".
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList is every problem Load found in an invalid catalog, by position.
type ErrorList []*Error

// Error formats the list one problem per line.
func (l ErrorList) Error() string {
	s := make([]string, len(l))
	for i, e := range l {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Load parses and validates a catalog. file names it in positions; src is
// its content. When the catalog is invalid, Load returns a nil Catalog and
// an ErrorList holding every problem it found, each with its position.
func Load(file string, src []byte) (*Catalog, error) {
	l := &loader{file: file, cat: &Catalog{File: file}, vals: map[*yaml.Node]map[string]*yaml.Node{},
		bad: map[*yaml.Node]bool{}, seen: map[string]*first{}, off: map[string]bool{}}
	var doc, more yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	switch err := dec.Decode(&doc); {
	case errors.Is(err, io.EOF):
		l.errs = ErrorList{{Pos{file, 1, 1}, "catalog is empty; want families, sources, classes and codes"}}
	case err != nil:
		l.errs = ErrorList{syntaxError(file, src, err)}
	default:
		if l.root(doc.Content[0]); dec.Decode(&more) == nil {
			l.errAt(&more, "a second YAML document: the catalog is one document")
		}
	}
	if len(l.errs) > 0 {
		slices.SortStableFunc(l.errs, func(a, b *Error) int {
			return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
		})
		return nil, l.errs
	}
	return l.cat, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns an error of the YAML parser into an Error at the line
// it names. Where it names none (a control character, bad UTF-8), the
// position is that of the first such character.
func syntaxError(file string, src []byte, err error) *Error {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &Error{Pos{file, n, 0}, m[2]}
	}
	line, col := 1, 1
	for _, r := range string(src) {
		if r == utf8.RuneError || unicode.IsControl(r) && !strings.ContainsRune("\t\n\r\u0085", r) {
			break
		}
		if col++; r == '\n' {
			line, col = line+1, 1
		}
	}
	return &Error{Pos{file, line, col}, strings.TrimPrefix(err.Error(), "yaml: ")}
}

// Generate loads the catalog in src (named file in positions) and renders
// the Go source for package pkg and the Markdown reference. On any error
// it returns no output, so a caller that writes only on success never
// leaves a half-written file.
func Generate(file string, src []byte, pkg string) (goSrc, markdown []byte, err error) {
	c, err := Load(file, src)
	if err != nil {
		return nil, nil, err
	}
	if goSrc, err = renderGo(c, pkg); err != nil {
		return nil, nil, err
	}
	return goSrc, renderMarkdown(c), nil
}
