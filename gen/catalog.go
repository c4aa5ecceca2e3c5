package gen

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Limits that keep a hostile catalog from costing much: Load refuses a
// larger file, more nodes or a deeper document at once, with a positioned
// error. The size and node limits are checked by a pass over the bytes
// before any YAML is parsed; catalog.yaml is about 30 KB and 3,000 nodes,
// and the limits leave room for a catalog of 10,000 codes (about 2 MB and
// 120,000 nodes), which errgen must still render in under 2 s.
const (
	MaxCatalogBytes = 4 << 20 // bytes in a catalog file
	MaxNodes        = 1 << 18 // YAML scalars and collections in a catalog file
	MaxDepth        = 16      // nesting of YAML collections; the schema needs 4
	MinStatus       = 300     // lowest HTTP status a code may have
	MaxStatus       = 599     // highest HTTP status a code may have
)

// A Catalog is a loaded and validated catalog.yaml.
type Catalog struct {
	File    string   // the file name used in positions
	Classes []*Class // in file order
	Codes   []*Code  // sorted by wire spelling
}

// A Class is one entry of the catalog's classes section.
type Class struct {
	Name        string // "NotFound"; the Go variable is "Err" + Name
	Description string // without white space at either end
	Pos         Pos
}

// GoName is the name of the class's Go variable, "Err" + Name.
func (c *Class) GoName() string { return "Err" + c.Name }

// A Code is one entry of the catalog's codes section.
type Code struct {
	Code        string   // the wire spelling, exactly as COS sends it
	Name        string   // the Go identifier; Code unless the catalog sets name
	Aliases     []string // other wire spellings of the same code
	Statuses    []int    // primary first
	Class       string   // a Class.Name
	Retryable   bool
	Description string // without white space at either end
	Pos         Pos
}

// Reserved lists the exported names package coserr declares by hand; no
// code's Go name and no class's Err name may be one of them.
var Reserved = []string{
	"BackupEndpoint", "CheckRetry", "Class", "ClientError", "ClockSkew", "Code",
	"Codes", "ErrorHandler", "FromResponse", "FromStreamError", "FromTransport", "IsRetryable",
	"Lookup", "MaxBodyBytes", "Parse", "RetryAfter", "ServiceError",
}

var (
	codeKeys  = []string{"code", "name", "aliases", "status", "class", "retryable", "description"}
	classKeys = []string{"name", "description"}
	rootKeys  = []string{"classes", "codes"}
)

// Load parses and validates a catalog. file names it in positions; src is
// its content. When the catalog is invalid, Load returns a nil Catalog and
// an ErrorList holding every problem it found, each with its position.
func Load(file string, src []byte) (*Catalog, error) {
	l := &loader{file: file, cat: &Catalog{File: file}}
	if len(src) > MaxCatalogBytes {
		l.errf(1, 1, "catalog is %d bytes; the limit is %d", len(src), MaxCatalogBytes)
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
		l.errf(1, 1, "catalog is empty; want classes and codes")
		return nil, l.errs
	}
	if extra != nil {
		l.errf(max(extra.Line, 1), max(extra.Column, 1), "a catalog is one YAML document; this is a second")
	}
	if !l.safe(doc, 0) {
		l.errs.sort()
		return nil, l.errs
	}
	l.root(doc.Content[0])
	if len(l.errs) > 0 {
		l.errs.sort()
		return nil, l.errs
	}
	slices.SortFunc(l.cat.Codes, func(a, b *Code) int { return strings.Compare(a.Code, b.Code) })
	return l.cat, nil
}

type loader struct {
	file string
	cat  *Catalog
	errs ErrorList
}

func (l *loader) errf(line, col int, format string, args ...any) {
	l.errs = append(l.errs, &Error{Pos: Pos{l.file, line, col}, Msg: fmt.Sprintf(format, args...)})
}

func (l *loader) errAt(n *yaml.Node, format string, args ...any) {
	l.errf(n.Line, n.Column, format, args...)
}

func (l *loader) pos(n *yaml.Node) Pos { return Pos{l.file, n.Line, n.Column} }

// safe rejects anchors, aliases and deep nesting before anything else looks
// at the tree: the schema needs none of them, and refusing them is what
// keeps an alias bomb or a million nested brackets cheap.
func (l *loader) safe(n *yaml.Node, depth int) bool {
	if depth > MaxDepth {
		l.errAt(n, "nesting deeper than %d levels", MaxDepth)
		return false
	}
	ok := true
	if n.Kind == yaml.AliasNode {
		l.errAt(n, "aliases are not allowed in a catalog")
		ok = false
	} else if n.Anchor != "" {
		l.errAt(n, "anchors are not allowed in a catalog")
		ok = false
	}
	for _, c := range n.Content {
		if !l.safe(c, depth+1) {
			ok = false
			if len(l.errs) > 100 {
				return false
			}
		}
	}
	return ok
}

// fields checks that n is a mapping with only the allowed keys, each once,
// and returns the value nodes by key.
func (l *loader) fields(n *yaml.Node, what string, allowed []string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		l.errAt(n, "%s must be a mapping", what)
		return nil
	}
	m := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case k.Kind != yaml.ScalarNode:
			l.errAt(k, "%s key must be a plain string", what)
		case !slices.Contains(allowed, k.Value):
			l.errAt(k, "unknown key %q in %s (want one of %s)", k.Value, what, strings.Join(allowed, ", "))
		case m[k.Value] != nil:
			l.errAt(k, "duplicate key %q in %s", k.Value, what)
		default:
			m[k.Value] = v
		}
	}
	return m
}

func (l *loader) root(n *yaml.Node) {
	m := l.fields(n, "catalog", rootKeys)
	if m == nil {
		return
	}
	classes := map[string]*Class{}
	if cs := m["classes"]; cs == nil {
		l.errAt(n, "missing key %q in catalog", "classes")
	} else if cs.Kind != yaml.SequenceNode {
		l.errAt(cs, "classes must be a list")
	} else {
		for _, c := range cs.Content {
			if cl := l.class(c, classes); cl != nil {
				classes[cl.Name] = cl
				l.cat.Classes = append(l.cat.Classes, cl)
			}
		}
	}
	cs := m["codes"]
	if cs == nil {
		l.errAt(n, "missing key %q in catalog", "codes")
		return
	}
	if cs.Kind != yaml.SequenceNode {
		l.errAt(cs, "codes must be a list")
		return
	}
	v := &codeChecks{wire: map[string]Pos{}, names: map[string]Pos{}}
	for _, cl := range l.cat.Classes {
		v.names[cl.GoName()] = cl.Pos
	}
	for _, c := range cs.Content {
		if code := l.code(c, classes, v); code != nil {
			l.cat.Codes = append(l.cat.Codes, code)
		}
	}
}

func (l *loader) class(n *yaml.Node, seen map[string]*Class) *Class {
	m := l.fields(n, "class", classKeys)
	if m == nil {
		return nil
	}
	c := &Class{Pos: l.pos(n)}
	ok := true
	if name := l.str(n, m, "class", "name"); name == nil {
		ok = false
	} else if c.Name = name.Value; !isExported(c.Name) {
		l.errAt(name, "class name %q is not an exported Go identifier", c.Name)
		ok = false
	} else if prev := seen[c.Name]; prev != nil {
		l.errAt(name, "duplicate class %q (first at %d:%d)", c.Name, prev.Pos.Line, prev.Pos.Col)
		ok = false
	} else if slices.Contains(Reserved, c.GoName()) {
		l.errAt(name, "Go name %q is reserved in package coserr; give the class another name", c.GoName())
		ok = false
	}
	if d := l.description(n, m, "class"); d == nil {
		ok = false
	} else {
		c.Description = strings.TrimSpace(d.Value)
	}
	if !ok {
		return nil
	}
	return c
}

// codeChecks remembers what earlier codes used, for the duplicate checks.
type codeChecks struct {
	wire  map[string]Pos // codes and aliases
	names map[string]Pos // Go names
}

func (l *loader) code(n *yaml.Node, classes map[string]*Class, v *codeChecks) *Code {
	m := l.fields(n, "code", codeKeys)
	if m == nil {
		return nil
	}
	c := &Code{Pos: l.pos(n)}
	ok := len(l.errs)
	if k := l.str(n, m, "code", "code"); k != nil {
		c.Code = k.Value
		wireOK := l.wire(k, c.Code, v)
		c.Name = c.Code
		switch nn := m["name"]; {
		case nn != nil:
			if l.scalar(nn, "name") {
				c.Name = nn.Value
				if !isExported(c.Name) {
					l.errAt(nn, "name %q is not an exported Go identifier", c.Name)
				} else {
					l.goName(nn, c.Name, v)
				}
			}
		case !wireOK:
			// The Go name would be the bad or repeated wire spelling:
			// one report is enough.
		case !isExported(c.Code):
			l.errAt(k, "code %q is not an exported Go identifier; give it a name", c.Code)
		default:
			l.goName(k, c.Name, v)
		}
	}
	if as := m["aliases"]; as != nil {
		if as.Kind != yaml.SequenceNode {
			l.errAt(as, "aliases must be a list of strings")
		}
		for _, a := range as.Content {
			if l.scalar(a, "alias") {
				c.Aliases = append(c.Aliases, a.Value)
				l.wire(a, a.Value, v)
			}
		}
	}
	c.Statuses = l.statuses(n, m)
	if cl := l.str(n, m, "code", "class"); cl != nil {
		c.Class = cl.Value
		if classes[c.Class] == nil {
			l.errAt(cl, "unknown class %q", c.Class)
		}
	}
	if r := m["retryable"]; r == nil {
		l.errAt(n, "missing key %q in code", "retryable")
	} else if b, err := strconv.ParseBool(r.Value); r.Kind != yaml.ScalarNode || r.Tag != "!!bool" || err != nil {
		l.errAt(r, "retryable must be true or false")
	} else {
		c.Retryable = b
	}
	if d := l.description(n, m, "code"); d != nil {
		c.Description = strings.TrimSpace(d.Value)
	}
	if len(l.errs) > ok {
		return nil
	}
	return c
}

// wire records a wire spelling. It reports, and returns false for, an
// empty or malformed one and one that an earlier code or alias has.
func (l *loader) wire(n *yaml.Node, s string, v *codeChecks) bool {
	if s == "" {
		l.errAt(n, "empty code")
		return false
	}
	if !wireOK(s) {
		l.errAt(n, "%q is not a wire spelling: want printable ASCII without `, \\ or |, and no space at either end", s)
		return false
	}
	if p, dup := v.wire[s]; dup {
		l.errAt(n, "duplicate code %q (first at %d:%d)", s, p.Line, p.Col)
		return false
	}
	v.wire[s] = l.pos(n)
	return true
}

// goName records a Go name, reporting a reserved or repeated one.
func (l *loader) goName(n *yaml.Node, s string, v *codeChecks) {
	if slices.Contains(Reserved, s) {
		l.errAt(n, "Go name %q is reserved in package coserr; give the code another name", s)
		return
	}
	if p, dup := v.names[s]; dup {
		l.errAt(n, "duplicate Go name %q (first at %d:%d)", s, p.Line, p.Col)
		return
	}
	v.names[s] = l.pos(n)
}

func (l *loader) statuses(n *yaml.Node, m map[string]*yaml.Node) []int {
	s := m["status"]
	if s == nil {
		l.errAt(n, "missing key %q in code", "status")
		return nil
	}
	items := []*yaml.Node{s}
	if s.Kind == yaml.SequenceNode {
		items = s.Content
		if len(items) == 0 {
			l.errAt(s, "status list is empty")
		}
	}
	var out []int
	for _, it := range items {
		st, err := strconv.Atoi(it.Value)
		switch {
		case it.Kind != yaml.ScalarNode || it.Tag != "!!int" || err != nil:
			l.errAt(it, "status must be an HTTP status or a list of them, primary first")
		case st < MinStatus || st > MaxStatus:
			l.errAt(it, "status %d outside %d..%d", st, MinStatus, MaxStatus)
		case slices.Contains(out, st):
			l.errAt(it, "status %d listed twice", st)
		default:
			out = append(out, st)
		}
	}
	return out
}

func (l *loader) description(n *yaml.Node, m map[string]*yaml.Node, what string) *yaml.Node {
	d := l.str(n, m, what, "description")
	if d != nil && strings.TrimSpace(d.Value) == "" {
		l.errAt(d, "empty description")
		return nil
	}
	if d != nil {
		if msg := textProblem(d.Value); msg != "" {
			l.errAt(d, "description %s", msg)
			return nil
		}
	}
	return d
}

// str returns the scalar value of a required key, reporting it missing.
func (l *loader) str(parent *yaml.Node, m map[string]*yaml.Node, what, key string) *yaml.Node {
	v := m[key]
	if v == nil {
		l.errAt(parent, "missing key %q in %s", key, what)
		return nil
	}
	if !l.scalar(v, key) {
		return nil
	}
	return v
}

func (l *loader) scalar(n *yaml.Node, what string) bool {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		l.errAt(n, "%s must be a string", what)
		return false
	}
	return true
}
