package gen

import (
	"slices"

	"go.yaml.in/yaml/v3"
)

// A section is what the entries of the families, sources and classes
// sections share: a key that names the entry, declared in names, and a
// key holding its text.
type section struct {
	what    string   // "family"
	keys    []string // the keys an entry may have
	nameKey string   // "name"
	names   map[string]*declared
	valid   func(string) bool // whether a name is well formed
	rule    string            // the message for a name that is not, with %q for it
	textKey string            // "description"
}

// entry reads the parts of an entry of s. It returns the entry's keys, or
// nil when it is no mapping; its name and text; and the name's record,
// or nil when the name or the text has a problem.
func (l *loader) entry(n *yaml.Node, s section) (m map[string]*yaml.Node, name, text string, d *declared) {
	if m = l.fields(n, s.what, s.keys); m == nil {
		return nil, "", "", nil
	}
	if v := l.str(n, m, s.what, s.nameKey); v != nil {
		name = v.Value
		d = l.declare(s.names, s.what, v)
		if !s.valid(name) {
			l.errAt(v, s.rule, name)
			d = nil
		}
	}
	text, ok := l.text(n, m, s.what, s.textKey)
	if !ok {
		d = nil
	}
	return m, name, text, d
}

// declare records a name a section declares and returns its record, or
// reports a repeated one and returns nil.
func (l *loader) declare(names map[string]*declared, what string, n *yaml.Node) *declared {
	if prev := names[n.Value]; prev != nil {
		l.errAt(n, "duplicate %s %q (first at %d:%d)", what, n.Value, prev.pos.Line, prev.pos.Col)
		return nil
	}
	d := &declared{pos: l.pos(n)}
	names[n.Value] = d
	return d
}

func (l *loader) family(n *yaml.Node) {
	_, name, text, d := l.entry(n, section{"family", familyKeys, "name", l.families, familyNameOK,
		"family name %q must be ASCII letters and digits, starting with an upper-case letter", "description"})
	if d != nil {
		d.ok = true
		l.cat.Families = append(l.cat.Families, &Family{Name: name, Description: text, Pos: l.pos(n)})
	}
}

func (l *loader) source(n *yaml.Node) {
	m, id, title, d := l.entry(n, section{"source", sourceKeys, "id", l.sources, sourceIDOK,
		"source id %q must be lowercase letters and digits, in words joined by '-'", "title"})
	if m == nil {
		return
	}
	u := l.str(n, m, "source", "url")
	if u != nil && !urlOK(u.Value) {
		l.errAt(u, "url %q must be an http or https URL of printable ASCII without space, \", <, >, \\, ` or |", u.Value)
	}
	if d != nil && u != nil && urlOK(u.Value) {
		d.ok = true
		l.cat.Sources = append(l.cat.Sources, &Source{ID: id, URL: u.Value, Title: title, Pos: l.pos(n)})
	}
}

func (l *loader) class(n *yaml.Node) {
	m, name, text, d := l.entry(n, section{"class", classKeys, "name", l.classes, isExported,
		"class name %q is not an exported Go identifier", "description"})
	c := &Class{Name: name, Description: text, Pos: l.pos(n)}
	if m != nil {
		before := len(l.errs)
		c.Hints = l.hints(n, m, "class "+name)
		if len(l.errs) > before {
			d = nil
		}
	}
	switch {
	case d == nil:
		return
	case slices.Contains(l.reserved, c.GoName()):
		l.errf(d.pos.Line, d.pos.Col, "Go name %q is reserved in package coserr; give the class another name", c.GoName())
		return
	}
	l.goNames[c.GoName()] = d.pos
	d.ok = true
	l.cat.Classes = append(l.cat.Classes, c)
}
