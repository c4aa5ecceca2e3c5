package gen

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The keys each kind of mapping may have, in the order the catalog
// writes them.
var (
	rootKeys   = []string{"families", "sources", "classes", "codes"}
	familyKeys = []string{"name", "description"}
	sourceKeys = []string{"id", "url", "title"}
	classKeys  = []string{"name", "description", "hints"}
	codeKeys   = []string{"code", "name", "aliases", "status", "class", "retryable", "why",
		"families", "sent_as", "clock_skew", "sources", "description", "hints"}
	sentAsKeys = []string{"code", "message"}
)

// A loader walks the YAML tree of a catalog, fills in the Catalog and
// collects every problem it meets.
type loader struct {
	file     string
	reserved []string
	cat      *Catalog
	errs     ErrorList

	// Names the sections declare, by name, with where each is declared.
	// Entries with a problem of their own are in them too, so that a
	// reference to one is not reported a second time.
	families map[string]*declared
	sources  map[string]*declared
	classes  map[string]*declared

	wire    map[string]wireUse // every code and alias seen so far
	goNames map[string]Pos     // every Go name seen so far
	order   []*yaml.Node       // the code node of every entry, in file order
	sentAs  []sentAsUse        // every sent_as entry, in file order

	hintTexts map[string]hintText // every hint's cause and fix, white space folded
}

// A declared name is a family, source or class: where it is declared,
// whether its entry is valid and whether a code uses it.
type declared struct {
	pos  Pos
	ok   bool
	used bool
}

// A wireUse is where a wire spelling is first written and of which code.
type wireUse struct {
	pos   Pos
	code  string // the wire spelling of the entry it belongs to
	alias bool
}

// A sentAsUse is a sent_as entry of a code, with its nodes for positions.
type sentAsUse struct {
	owner         string // the wire spelling of the code it belongs to
	code, message *yaml.Node
}

func newLoader(file string, reserved []string) *loader {
	return &loader{
		file: file, reserved: reserved, cat: &Catalog{File: file},
		families: map[string]*declared{}, sources: map[string]*declared{}, classes: map[string]*declared{},
		wire: map[string]wireUse{}, goNames: map[string]Pos{}, hintTexts: map[string]hintText{},
	}
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
	if depth > maxDepth {
		l.errAt(n, "nesting deeper than %d levels", maxDepth)
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

// text returns the trimmed value of a required key holding text, or
// reports what is wrong with it and returns false.
func (l *loader) text(parent *yaml.Node, m map[string]*yaml.Node, what, key string) (string, bool) {
	n := l.str(parent, m, what, key)
	if n == nil {
		return "", false
	}
	s := strings.TrimSpace(n.Value)
	if s == "" {
		l.errAt(n, "empty %s", key)
		return "", false
	}
	if msg := textProblem(s); msg != "" {
		l.errAt(n, "%s %s", key, msg)
		return "", false
	}
	return s, true
}

// list walks the entries of a required top-level list. It reports
// whether there is such a list.
func (l *loader) list(root *yaml.Node, m map[string]*yaml.Node, key string, entry func(*yaml.Node)) bool {
	s := m[key]
	switch {
	case s == nil:
		l.errAt(root, "missing key %q in catalog", key)
	case s.Kind != yaml.SequenceNode:
		l.errAt(s, "%s must be a list", key)
	default:
		for _, e := range s.Content {
			entry(e)
		}
		return true
	}
	return false
}

func (l *loader) root(n *yaml.Node) {
	m := l.fields(n, "catalog", rootKeys)
	if m == nil {
		return
	}
	// A section that cannot be read declares nothing that the codes
	// could be checked against: nil turns those checks off.
	if !l.list(n, m, "families", l.family) {
		l.families = nil
	}
	if !l.list(n, m, "sources", l.source) {
		l.sources = nil
	}
	if l.list(n, m, "classes", l.class) {
		l.fallbackClasses(keyNode(n, "classes"))
	} else {
		l.classes = nil
	}
	if l.list(n, m, "codes", l.code) {
		l.checkUsed("family", l.families)
		l.checkUsed("source", l.sources)
	}
	l.checkSentAs()
	l.checkOrder()
}

// keyNode returns the key node of key in mapping n.
func keyNode(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i]
		}
	}
	return n
}
