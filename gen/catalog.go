package gen

import (
	"bytes"
	"errors"
	"io"

	"go.yaml.in/yaml/v3"
)

// Limits that keep a hostile catalog from costing much: Load refuses a
// larger file, more nodes or a deeper document at once, with a positioned
// error. The size and node limits are checked by a pass over the bytes
// before any YAML is parsed. They leave room for a catalog of 10,000
// codes (about 3 MB and 150,000 nodes), which errgen renders in about a
// second.
const (
	maxCatalogBytes = 4 << 20 // bytes in a catalog file
	maxNodes        = 1 << 18 // YAML scalars and collections in a catalog file
	maxDepth        = 16      // nesting of YAML collections; the schema needs 6
	minStatus       = 300     // lowest HTTP status a code may have
	maxStatus       = 599     // highest HTTP status a code may have
)

// A Catalog is a loaded and validated catalog.yaml.
type Catalog struct {
	File     string    // the file name used in positions
	Families []*Family // in file order
	Sources  []*Source // in file order
	Classes  []*Class  // in file order
	Codes    []*Code   // in file order, which is the byte order of Code.Code
}

// A Family is one entry of the catalog's families section: a part of COS
// that sends error codes, such as the XML API for buckets and objects.
type Family struct {
	Name        string // "COS"
	Description string // without white space at either end
	Pos         Pos
}

// A Source is one entry of the catalog's sources section: a document or a
// program that the facts of some codes come from.
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

// reserved lists the exported names package coserr declares by hand; no
// code's Go name and no class's Err name may be one of them.
var reserved = []string{
	"BackupEndpoint", "CheckResponse", "CheckRetry", "Class", "ClientError", "ClockSkew", "Code",
	"Diagnose", "Diagnosis",
	"Codes", "ErrorHandler", "FromResponse", "FromStreamError", "FromTransport", "Hint", "IsRetryable",
	"Lookup", "MaxBodyBytes", "Parse", "RetryAfter", "ServiceError",
}

// Load parses and validates a catalog. file names it in positions; src is
// its content. When the catalog is invalid, Load returns a nil Catalog and
// an ErrorList holding every problem it found, each with its position.
func Load(file string, src []byte) (*Catalog, error) {
	return load(file, src, reserved)
}

// load is Load with the list of reserved Go names as a parameter.
func load(file string, src []byte, reserved []string) (*Catalog, error) {
	l := newLoader(file, reserved)
	if len(src) > maxCatalogBytes {
		l.errf(1, 1, "catalog is %d bytes; the limit is %d", len(src), maxCatalogBytes)
		return nil, l.errs
	}
	s := scanCatalog(src)
	if s.bad >= 0 {
		line, col := s.pos(s.bad)
		l.errf(line, col, "%s", s.badMsg)
		return nil, l.errs
	}
	doc, extra, err := parse(src)
	if err != nil {
		line, col, msg := s.syntaxPos(err)
		l.errf(line, col, "%s", msg)
		return nil, l.errs
	}
	if doc == nil || len(doc.Content) == 0 {
		l.errf(1, 1, "catalog is empty; want families, sources, classes and codes")
		return nil, l.errs
	}
	if extra != nil {
		l.errf(max(extra.Line, 1), max(extra.Column, 1), "a catalog is one YAML document; this is a second")
	}
	if l.safe(doc, 0) {
		l.root(doc.Content[0])
	}
	if len(l.errs) > 0 {
		l.errs.sort()
		return nil, l.errs
	}
	return l.cat, nil
}

// parse parses src as a one-document YAML stream. It returns the document
// (nil for an empty stream) and, when the stream has more documents, the
// second one.
func parse(src []byte) (doc, extra *yaml.Node, err error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	doc = new(yaml.Node)
	if err := dec.Decode(doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, nil
		}
		return nil, nil, err
	}
	extra = new(yaml.Node)
	if err := dec.Decode(extra); err != nil {
		if errors.Is(err, io.EOF) {
			return doc, nil, nil
		}
		return nil, nil, err
	}
	return doc, extra, nil
}
