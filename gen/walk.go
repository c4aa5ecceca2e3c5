package gen

import (
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"
)

// The walk checks a YAML tree against the rule table (rules.go): keys,
// kinds and required keys, every problem at its node's position.

// A loader walks the YAML tree of a catalog, fills in the Catalog and
// collects every problem it meets.
type loader struct {
	file string
	cat  *Catalog
	errs ErrorList
	vals map[*yaml.Node]map[string]*yaml.Node // the checked values of every mapping, by key
	bad  map[*yaml.Node]bool                  // the mappings with a problem, in them or below

	// What the sections declare, by name. A name is there even when its
	// entry has another problem, so that a use of it is not reported too.
	families, sources, classes map[string]*declared

	wire    map[string]wireUse  // every code and alias seen so far
	goNames map[string]Pos      // every Go name seen so far
	texts   map[string]hintText // every hint's cause and fix, white space folded
	order   []*yaml.Node        // the code node of every entry, in file order
}

// A declared name is a family, source or class: where it is declared,
// whether its entry is valid and whether a code uses it.
type declared struct {
	name     string
	pos      Pos
	ok, used bool
}

func (l *loader) errAt(n *yaml.Node, format string, args ...any) {
	l.errs = append(l.errs, &Error{Pos: l.pos(n), Msg: fmt.Sprintf(format, args...)})
}

func (l *loader) pos(n *yaml.Node) Pos { return Pos{l.file, n.Line, n.Column} }

// mapping checks n against s and returns its values by key, each checked
// by its field; a value with a problem is left out. A mapping with a
// problem, in it or below, is marked bad.
func (l *loader) mapping(n *yaml.Node, s *shape) map[string]*yaml.Node {
	before := len(l.errs)
	defer func() { l.bad[n] = len(l.errs) > before }()
	if n.Kind != yaml.MappingNode {
		l.errAt(n, "%s must be a mapping", s.name)
		return nil
	}
	m := map[string]*yaml.Node{}
	l.vals[n] = m
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		j := slices.IndexFunc(s.fields, func(f *field) bool { return f.key == k.Value })
		switch {
		case k.Kind != yaml.ScalarNode || j < 0:
			l.errAt(k, "unknown key %q in %s (want one of %s)", k.Value, s.name, s.keys())
		case seen[k.Value]:
			l.errAt(k, "duplicate key %q in %s", k.Value, s.name)
		default:
			seen[k.Value] = true
			if l.value(v, s.fields[j]) {
				m[k.Value] = v
			}
		}
	}
	for _, f := range s.fields {
		if f.required && !seen[f.key] {
			l.errAt(n, "missing key %q in %s", f.key, s.name)
		}
	}
	return m
}

// value checks the value n of field f and reports whether it can be read:
// a list whose items have problems can, and those items are marked bad
// (mappings) or reported (scalars).
func (l *loader) value(n *yaml.Node, f *field) bool {
	if !f.list {
		return l.scalar(n, f.key, f.kind)
	}
	items := n.Content
	switch {
	case f.orOne && n.Kind == yaml.ScalarNode:
		items = []*yaml.Node{n}
	case n.Kind != yaml.SequenceNode:
		l.errAt(n, "%s must be a list", f.key)
		return false
	case f.nonEmpty && len(items) == 0:
		l.errAt(n, "%s list is empty", f.key)
		return false
	}
	ok := true
	for i, it := range items {
		switch {
		case f.shape != nil:
			l.mapping(it, f.shape)
		case !l.scalar(it, f.item, f.kind):
			ok = false
		case slices.ContainsFunc(items[:i], func(p *yaml.Node) bool { return p.Value == it.Value }):
			l.errAt(it, "%s %s listed twice", f.item, it.Value)
			ok = false
		}
	}
	return ok || f.shape != nil
}

// scalar checks a scalar value of kind k under key.
func (l *loader) scalar(n *yaml.Node, key string, k *kind) bool {
	if n.Kind == yaml.AliasNode {
		l.errAt(n, "aliases (*%s) are not allowed in a catalog; write the value out", n.Value)
		return false
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || k.tag != "" && n.Tag != k.tag {
		l.errAt(n, "%s must be %s", key, k.want)
		return false
	}
	if p := k.check(n.Value); p != "" {
		l.errAt(n, "%s %s", key, p)
		return false
	}
	return true
}
