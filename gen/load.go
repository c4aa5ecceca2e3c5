package gen

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cosgo/errcatalog/internal/statusrule"
	"go.yaml.in/yaml/v3"
)

// A loader checks a catalog's YAML tree against the rule table, then
// entry by entry by the rules across entries, collecting every problem.
type loader struct {
	file   string
	cat    *Catalog
	errs   ErrorList
	vals   map[*yaml.Node]map[string]*yaml.Node // the values of each mapping by key, nil if not valid
	bad    map[*yaml.Node]bool                  // the mappings with a problem, in them or below
	seen   map[string]*first                    // by kind and name: "code\x00NoSuchKey", "family\x00COS", ...
	off    map[string]bool                      // the sections that cannot be read: no uses of them are checked
	order  []*yaml.Node                         // the code node of every entry, in file order
	sentAs []sentAsUse                          // every valid sent_as entry
}

// A sentAsUse is a sent_as entry e of the code owner.
type sentAsUse struct {
	owner string
	e     *yaml.Node
}

// A first is where a name is first declared or used, and what of.
type first struct {
	pos       Pos
	owner     string // a wire spelling's code; a hint text's entry, "code NoSuchKey"
	alias, ok bool   // a wire spelling is an alias; a section's entry is valid
	used      bool   // a family or source is cited
}

func (l *loader) errAt(n *yaml.Node, format string, args ...any) {
	l.errs = append(l.errs, &Error{Pos: l.pos(n), Msg: fmt.Sprintf(format, args...)})
}

func (l *loader) pos(n *yaml.Node) Pos { return Pos{l.file, n.Line, n.Column} }

// mapping checks n against s and returns its values by key, nil if invalid.
func (l *loader) mapping(n *yaml.Node, s *shape) map[string]*yaml.Node {
	before := len(l.errs)
	defer func() { l.bad[n] = len(l.errs) > before }()
	if n.Kind != yaml.MappingNode {
		l.errAt(n, "%s must be a mapping", s.name)
		return nil
	}
	m := map[string]*yaml.Node{}
	l.vals[n] = m
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		j := slices.IndexFunc(s.fields, func(f *field) bool { return f.key == k.Value })
		switch _, dup := m[k.Value]; {
		case k.Kind != yaml.ScalarNode || j < 0:
			l.errAt(k, "unknown key %q in %s (want one of %s)", k.Value, s.name, s.keys())
		case dup:
			l.errAt(k, "duplicate key %q in %s", k.Value, s.name)
		default:
			m[k.Value] = nil // there, and valid if value says so
			if l.value(v, s.fields[j]) {
				m[k.Value] = v
			}
		}
	}
	for _, f := range s.fields {
		if _, ok := m[f.key]; f.required && !ok {
			l.errAt(n, "missing key %q in %s", f.key, s.name)
		}
	}
	return m
}

// value checks the value n of field f and reports whether it is valid. A
// list of mappings is, whatever its items, which mapping marks bad.
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
	return ok
}

// scalar checks a scalar value of kind k, named what in messages.
func (l *loader) scalar(n *yaml.Node, what string, k *kind) bool {
	switch {
	case n.Kind == yaml.AliasNode:
		l.errAt(n, "aliases (*%s) are not allowed in a catalog; write the value out", n.Value)
	case n.Kind != yaml.ScalarNode || n.Tag == "!!null" || k.tag != "" && n.Tag != k.tag:
		l.errAt(n, "%s must be %s", what, k.want)
	case k.check(n.Value) != "":
		l.errAt(n, "%s %s", what, k.check(n.Value))
	default:
		return true
	}
	return false
}

// once records name, at n, as the first of its kind, or reports a duplicate.
func (l *loader) once(kind, name string, n *yaml.Node, rec first) *first {
	if f := l.seen[kind+"\x00"+name]; f != nil {
		l.errAt(n, "duplicate %s %q (first at %d:%d)", kind, name, f.pos.Line, f.pos.Col)
		return nil
	}
	rec.pos = l.pos(n)
	l.seen[kind+"\x00"+name] = &rec
	return &rec
}

func (l *loader) root(n *yaml.Node) {
	m := l.mapping(n, rootShape)
	if m == nil {
		return
	}
	for _, s := range [][2]string{{"families", "family"}, {"sources", "source"}, {"classes", "class"}} {
		l.off[s[1]] = m[s[0]] == nil
	}
	for _, e := range items(m["families"]) {
		if v := l.vals[e]; v["name"] != nil && l.once("family", v["name"].Value, v["name"], first{ok: !l.bad[e]}) != nil && !l.bad[e] {
			l.cat.Families = append(l.cat.Families, &Family{v["name"].Value, trimmed(v["description"]), l.pos(e)})
		}
	}
	for _, e := range items(m["sources"]) {
		if v := l.vals[e]; v["id"] != nil && l.once("source", v["id"].Value, v["id"], first{ok: !l.bad[e]}) != nil && !l.bad[e] {
			l.cat.Sources = append(l.cat.Sources, &Source{v["id"].Value, v["url"].Value, trimmed(v["title"]), l.pos(e)})
		}
	}
	for _, e := range items(m["classes"]) {
		v := l.vals[e]
		c := &Class{trimmed(v["name"]), trimmed(v["description"]), l.hints(v["hints"], "class "+trimmed(v["name"])), l.pos(e)}
		if v["name"] != nil && l.once("class", c.Name, v["name"], first{}) != nil {
			l.once("Go name", c.GoName(), v["name"], first{})
			l.cat.Classes = append(l.cat.Classes, c)
		}
	}
	for _, name := range statusrule.Classes {
		if !l.off["class"] && l.seen["class\x00"+name] == nil {
			l.errAt(n.Content[slices.IndexFunc(n.Content, func(k *yaml.Node) bool { return k.Value == "classes" })],
				"missing class %q: coserr falls back to it by HTTP status (internal/statusrule)", name)
		}
	}
	for _, e := range items(m["codes"]) {
		l.code(e)
	}
	for key, f := range l.seen {
		if what, name, _ := strings.Cut(key, "\x00"); m["codes"] != nil && (what == "family" || what == "source") && f.ok && !f.used {
			l.errs = append(l.errs, &Error{f.pos, what + " " + strconv.Quote(name) + " is declared and not used"})
		}
	}
	l.checkSentAs()
	l.checkOrder()
}

// code reads one entry of the codes section.
func (l *loader) code(n *yaml.Node) {
	v := l.vals[n]
	c := &Code{Class: trimmed(v["class"]), Why: trimmed(v["why"]), Description: trimmed(v["description"]), Pos: l.pos(n)}
	if k := v["code"]; k != nil {
		c.Code, c.Name = k.Value, k.Value
		wireOK := l.once("code", c.Code, k, first{owner: c.Code}) != nil
		if wireOK {
			l.order = append(l.order, k)
		}
		switch nn, named := v["name"]; {
		case nn != nil:
			c.Name = nn.Value
			l.once("Go name", c.Name, nn, first{})
		case named || !wireOK: // reported already
		case ident.check(c.Code) != "":
			l.errAt(k, "code %q is not an exported Go identifier; give it a name", c.Code)
		default:
			l.once("Go name", c.Name, k, first{})
		}
	}
	for _, a := range items(v["aliases"]) {
		if l.once("code", a.Value, a, first{owner: c.Code, alias: true}) != nil {
			c.Aliases = append(c.Aliases, a.Value)
		}
	}
	for _, s := range items(v["status"]) {
		st, _ := strconv.Atoi(s.Value)
		c.Statuses = append(c.Statuses, st)
	}
	if cl := v["class"]; cl != nil && !l.off["class"] && l.seen["class\x00"+c.Class] == nil {
		l.errAt(cl, "unknown class %q", c.Class)
	}
	c.Retryable, _ = strconv.ParseBool(trimmed(v["retryable"]))
	c.ClockSkew, _ = strconv.ParseBool(trimmed(v["clock_skew"]))
	for _, x := range items(v["checks"]) {
		c.Checks = append(c.Checks, x.Value)
	}
	if _, ok := v["why"]; !ok && (c.Retryable || slices.ContainsFunc(c.Statuses, func(st int) bool { return st >= 500 || st == 408 || st == 429 })) {
		l.errAt(n, "missing key %q in code (required when retryable is true or a status is 5xx, 408 or 429)", "why")
	}
	c.Families = l.refs(v["families"], "family")
	for _, e := range items(v["sent_as"]) {
		if s := l.vals[e]; !l.bad[e] {
			l.sentAs = append(l.sentAs, sentAsUse{c.Code, e})
			c.SentAs = append(c.SentAs, SentAs{s["code"].Value, trimmed(s["message"]), l.pos(e)})
		}
	}
	c.Sources = l.refs(v["sources"], "source")
	c.Hints = l.hints(v["hints"], "code "+c.Code)
	l.cat.Codes = append(l.cat.Codes, c)
}

// hints reads an entry's hints and reports a cause or fix that another
// entry has word for word: each entry's hints are written for it.
func (l *loader) hints(n *yaml.Node, owner string) []Hint {
	var out []Hint
	for _, e := range items(n) {
		v := l.vals[e]
		for _, key := range []string{"cause", "fix"} {
			if t := v[key]; t != nil {
				switch f := l.seen["hint\x00"+oneLine(t.Value)]; {
				case f == nil:
					l.seen["hint\x00"+oneLine(t.Value)] = &first{pos: l.pos(t), owner: owner}
				case f.owner != owner:
					l.errAt(t, "%s copied word for word from %s (at %d:%d); write each entry's hints for it", key, f.owner, f.pos.Line, f.pos.Col)
				}
			}
		}
		out = append(out, Hint{trimmed(v["cause"]), trimmed(v["fix"]), trimmed(v["message"]), l.refs(v["sources"], "source"), l.pos(e)})
	}
	return out
}

// refs reads a list of names a section declares (what: family, source),
// marking each cited and reporting each undeclared.
func (l *loader) refs(n *yaml.Node, what string) []string {
	var out []string
	for _, it := range items(n) {
		f := l.seen[what+"\x00"+it.Value]
		switch {
		case f != nil:
			f.used = true
		case !l.off[what]:
			l.errAt(it, "unknown %s %q", what, it.Value)
			continue
		}
		out = append(out, it.Value)
	}
	return out
}

// checkSentAs checks that each sent_as names another code of the catalog,
// in its own spelling, and that no code and message are written twice.
func (l *loader) checkSentAs() {
	seen := map[[2]string]Pos{}
	for _, s := range l.sentAs {
		code, msg := l.vals[s.e]["code"], l.vals[s.e]["message"]
		switch f := l.seen["code\x00"+code.Value]; {
		case f == nil:
			l.errAt(code, "sent_as code %q is not a code of the catalog", code.Value)
		case f.alias:
			l.errAt(code, "sent_as code %q is an alias of %q; write the code's own spelling", code.Value, f.owner)
		case code.Value == s.owner:
			l.errAt(code, "sent_as code %q is the entry itself", code.Value)
		}
		p := [2]string{code.Value, trimmed(msg)}
		if first, dup := seen[p]; dup {
			l.errAt(msg, "duplicate sent_as %q with message %q (first at %d:%d)", p[0], p[1], first.Line, first.Col)
		} else {
			seen[p] = l.pos(msg)
		}
	}
}

// checkOrder reports every code out of byte order. The codes kept in
// place are a longest increasing run, the later one of two swapped codes
// left out; the message names the kept code it belongs before (or after).
func (l *loader) checkOrder() {
	if slices.IsSortedFunc(l.order, func(a, b *yaml.Node) int { return strings.Compare(a.Value, b.Value) }) {
		return
	}
	run, next, start := make([]int, len(l.order)), make([]int, len(l.order)), -1 // run[i]: the longest run from i; next[i]: its second
	for i := len(l.order) - 1; i >= 0; i-- {
		run[i], next[i] = 1, -1
		for j := i + 1; j < len(l.order); j++ {
			if l.order[i].Value < l.order[j].Value && run[j] >= run[i] {
				run[i], next[i] = run[j]+1, j
			}
		}
		if start < 0 || run[i] >= run[start] {
			start = i
		}
	}
	var kept []string
	for i := start; i >= 0; i = next[i] {
		kept = append(kept, l.order[i].Value)
	}
	for _, k := range l.order {
		switch j, found := slices.BinarySearch(kept, k.Value); {
		case found:
		case j < len(kept):
			l.errAt(k, "code %q is out of order; it belongs before %q", k.Value, kept[j])
		default:
			l.errAt(k, "code %q is out of order; it belongs after %q", k.Value, kept[len(kept)-1])
		}
	}
}

// items returns the items of a list, or a scalar as one item.
func items(n *yaml.Node) []*yaml.Node {
	switch {
	case n == nil:
		return nil
	case n.Kind == yaml.ScalarNode:
		return []*yaml.Node{n}
	}
	return n.Content
}

// trimmed is a scalar's value without space at either end; "" for none.
func trimmed(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	return strings.TrimSpace(n.Value)
}
