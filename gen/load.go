package gen

import (
	"slices"
	"strconv"
	"strings"

	"github.com/cosgo/errcatalog/internal/statusrule"
	"go.yaml.in/yaml/v3"
)

// Reading the entries, once the walk has checked their values, and the
// rules across entries.

// A wireUse is where a wire spelling is first written and of which code.
type wireUse struct {
	pos   Pos
	code  string // the wire spelling of the entry it belongs to
	alias bool
}

// A hintText is where a cause or fix is first written, and by which entry.
type hintText struct {
	owner string // "code NoSuchKey", "class NotFound"
	pos   Pos
}

// A sentAsUse is a sent_as entry of a code, with its nodes for positions.
type sentAsUse struct {
	owner         string // the wire spelling of the code it belongs to
	code, message *yaml.Node
}

func (l *loader) root(n *yaml.Node) {
	m := l.mapping(n, rootShape)
	if m == nil {
		return
	}
	// A section that cannot be read declares nothing that uses of it
	// could be checked against: nil turns those checks off.
	for key, names := range map[string]*map[string]*declared{"families": &l.families, "sources": &l.sources, "classes": &l.classes} {
		if m[key] == nil {
			*names = nil
		}
	}
	for _, e := range items(m["families"]) {
		if d := l.declare(l.families, "family", l.vals[e]["name"], e); d != nil && d.ok {
			l.cat.Families = append(l.cat.Families, &Family{d.name, trimmed(l.vals[e]["description"]), l.pos(e)})
		}
	}
	for _, e := range items(m["sources"]) {
		if d := l.declare(l.sources, "source", l.vals[e]["id"], e); d != nil && d.ok {
			l.cat.Sources = append(l.cat.Sources, &Source{d.name, l.vals[e]["url"].Value, trimmed(l.vals[e]["title"]), l.pos(e)})
		}
	}
	for _, e := range items(m["classes"]) {
		v := l.vals[e]
		c := &Class{Name: trimmed(v["name"]), Description: trimmed(v["description"]), Pos: l.pos(e)}
		c.Hints = l.hints(v["hints"], "class "+c.Name)
		if d := l.declare(l.classes, "class", v["name"], e); d != nil {
			l.goName(v["name"], c.GoName())
			l.cat.Classes = append(l.cat.Classes, c)
		}
	}
	if l.classes != nil {
		for _, name := range statusrule.Classes {
			if l.classes[name] == nil {
				l.errAt(keyNode(n, "classes"), "missing class %q: coserr falls back to it by HTTP status (internal/statusrule)", name)
			}
		}
	}
	var sentAs []sentAsUse
	for _, e := range items(m["codes"]) {
		sentAs = append(sentAs, l.code(e)...)
	}
	if m["codes"] != nil {
		l.unused("family", l.families)
		l.unused("source", l.sources)
	}
	l.checkSentAs(sentAs)
	l.checkOrder()
}

// code reads one entry of the codes section and returns its sent_as
// entries, which are checked once every code is known.
func (l *loader) code(n *yaml.Node) []sentAsUse {
	v := l.vals[n]
	c := &Code{Pos: l.pos(n)}
	if k := v["code"]; k != nil {
		c.Code, c.Name = k.Value, k.Value
		wireOK := l.wireSpelling(k, c.Code, false)
		if wireOK {
			l.order = append(l.order, k)
		}
		switch nn := v["name"]; {
		case nn != nil:
			c.Name = nn.Value
			l.goName(nn, c.Name)
		case has(n, "name") || !wireOK: // reported already
		case ident.check(c.Code) != "":
			l.errAt(k, "code %q is not an exported Go identifier; give it a name", c.Code)
		default:
			l.goName(k, c.Name)
		}
	}
	for _, a := range items(v["aliases"]) {
		if l.wireSpelling(a, c.Code, true) {
			c.Aliases = append(c.Aliases, a.Value)
		}
	}
	for _, s := range items(v["status"]) {
		st, _ := strconv.Atoi(s.Value)
		c.Statuses = append(c.Statuses, st)
	}
	if cl := v["class"]; cl != nil {
		c.Class = cl.Value
		if l.classes != nil && l.classes[c.Class] == nil {
			l.errAt(cl, "unknown class %q", c.Class)
		}
	}
	c.Retryable, _ = strconv.ParseBool(trimmed(v["retryable"]))
	c.ClockSkew, _ = strconv.ParseBool(trimmed(v["clock_skew"]))
	c.Why = trimmed(v["why"])
	if !has(n, "why") && needsWhy(c) {
		l.errAt(n, "missing key %q in code (required when retryable is true or a status is 5xx, 408 or 429)", "why")
	}
	c.Families = l.refs(v["families"], "family", l.families)
	var uses []sentAsUse
	for _, e := range items(v["sent_as"]) {
		if s := l.vals[e]; !l.bad[e] {
			uses = append(uses, sentAsUse{c.Code, s["code"], s["message"]})
			c.SentAs = append(c.SentAs, SentAs{s["code"].Value, trimmed(s["message"]), l.pos(e)})
		}
	}
	c.Sources = l.refs(v["sources"], "source", l.sources)
	c.Description = trimmed(v["description"])
	c.Hints = l.hints(v["hints"], "code "+c.Code)
	l.cat.Codes = append(l.cat.Codes, c)
	return uses
}

// hints reads the hints of an entry; owner names it in messages. A cause
// or fix that another entry has word for word is reported: each entry's
// hints are written for it.
func (l *loader) hints(n *yaml.Node, owner string) []Hint {
	var out []Hint
	for _, e := range items(n) {
		v := l.vals[e]
		h := Hint{Message: trimmed(v["message"]), Cause: trimmed(v["cause"]), Fix: trimmed(v["fix"]),
			Sources: l.refs(v["sources"], "source", l.sources), Pos: l.pos(e)}
		for _, key := range []string{"cause", "fix"} {
			if t := v[key]; t != nil {
				first, dup := l.texts[oneLine(t.Value)]
				switch {
				case !dup:
					l.texts[oneLine(t.Value)] = hintText{owner, l.pos(t)}
				case first.owner != owner:
					l.errAt(t, "%s copied word for word from %s (at %d:%d); write each entry's hints for it", key, first.owner, first.pos.Line, first.pos.Col)
				}
			}
		}
		out = append(out, h)
	}
	return out
}

// declare records the name n of entry e of a section and returns its
// record, or reports a repeated name and returns nil; the record is not ok
// when the entry has a problem.
func (l *loader) declare(names map[string]*declared, what string, n, e *yaml.Node) *declared {
	if n == nil || names == nil {
		return nil
	}
	if prev := names[n.Value]; prev != nil {
		l.errAt(n, "duplicate %s %q (first at %d:%d)", what, n.Value, prev.pos.Line, prev.pos.Col)
		return nil
	}
	d := &declared{name: n.Value, pos: l.pos(n), ok: !l.bad[e]}
	names[n.Value] = d
	return d
}

// wireSpelling records the wire spelling in n, a code or an alias of the
// code owner, and reports whether no earlier code or alias has it.
func (l *loader) wireSpelling(n *yaml.Node, owner string, alias bool) bool {
	if w, dup := l.wire[n.Value]; dup {
		l.errAt(n, "duplicate code %q (first at %d:%d)", n.Value, w.pos.Line, w.pos.Col)
		return false
	}
	l.wire[n.Value] = wireUse{l.pos(n), owner, alias}
	return true
}

// goName records a Go name, reporting a repeated one.
func (l *loader) goName(n *yaml.Node, s string) {
	if p, dup := l.goNames[s]; dup {
		l.errAt(n, "duplicate Go name %q (first at %d:%d)", s, p.Line, p.Col)
		return
	}
	l.goNames[s] = l.pos(n)
}

// refs reads a list of names a section declares (families or sources),
// marking each used and reporting each undeclared.
func (l *loader) refs(n *yaml.Node, what string, names map[string]*declared) []string {
	var out []string
	for _, it := range items(n) {
		if d := names[it.Value]; names != nil && d == nil {
			l.errAt(it, "unknown %s %q", what, it.Value)
			continue
		} else if d != nil {
			d.used = true
		}
		out = append(out, it.Value)
	}
	return out
}

// needsWhy reports whether a code must say why it is retryable or not.
func needsWhy(c *Code) bool {
	return c.Retryable || slices.ContainsFunc(c.Statuses, func(st int) bool { return st >= 500 || st == 408 || st == 429 })
}

// checkSentAs checks every sent_as entry: its code is a code of the
// catalog, in its own spelling, other than the entry it is in, and no
// code and message pair is written twice.
func (l *loader) checkSentAs(uses []sentAsUse) {
	type pair struct{ code, message string }
	seen := map[pair]Pos{}
	for _, s := range uses {
		code := s.code.Value
		w, known := l.wire[code]
		switch {
		case !known:
			l.errAt(s.code, "sent_as code %q is not a code of the catalog", code)
		case w.alias:
			l.errAt(s.code, "sent_as code %q is an alias of %q; write the code's own spelling", code, w.code)
		case code == s.owner:
			l.errAt(s.code, "sent_as code %q is the entry itself", code)
		}
		p := pair{code, trimmed(s.message)}
		if first, dup := seen[p]; dup {
			l.errAt(s.message, "duplicate sent_as %q with message %q (first at %d:%d)", p.code, p.message, first.Line, first.Col)
			continue
		}
		seen[p] = l.pos(s.message)
	}
}

// checkOrder reports every code out of byte order. The codes kept in
// place are a longest increasing run of them, found from the end so that,
// of two codes swapped, the later one is reported; every other code is
// out of order, and the message names the kept code it belongs before (or
// after, at the end).
func (l *loader) checkOrder() {
	n := len(l.order)
	// A longest decreasing subsequence of the reversed list, by patience
	// sorting: tails[k] is the index of the largest code that ends such a
	// subsequence of length k+1; prev links each index to its predecessor.
	var tails []int
	prev := make([]int, n)
	for i := n - 1; i >= 0; i-- {
		k, _ := slices.BinarySearchFunc(tails, l.order[i].Value, func(t int, v string) int { return strings.Compare(v, l.order[t].Value) })
		prev[i] = -1
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	if len(tails) == n {
		return
	}
	kept := make([]bool, n)
	var keptList []string
	for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
		kept[i] = true
		keptList = append(keptList, l.order[i].Value)
	}
	for i, k := range l.order {
		if j, _ := slices.BinarySearch(keptList, k.Value); kept[i] {
			continue
		} else if j < len(keptList) {
			l.errAt(k, "code %q is out of order; it belongs before %q", k.Value, keptList[j])
		} else {
			l.errAt(k, "code %q is out of order; it belongs after %q", k.Value, keptList[len(keptList)-1])
		}
	}
}

// unused reports, like an unused import, every entry of a section that no
// code or hint refers to.
func (l *loader) unused(what string, names map[string]*declared) {
	for name, d := range names {
		if d.ok && !d.used {
			l.errs = append(l.errs, &Error{d.pos, what + " " + strconv.Quote(name) + " is declared and not used"})
		}
	}
}

// items returns the items of a list, or a single scalar as one item.
func items(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind == yaml.ScalarNode {
		return slices.DeleteFunc([]*yaml.Node{n}, func(n *yaml.Node) bool { return n == nil })
	}
	return n.Content
}

// has reports whether mapping n has key, valid or not.
func has(n *yaml.Node, key string) bool { return keyNode(n, key) != n }

// keyNode returns the key node of key in mapping n, or n.
func keyNode(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i]
		}
	}
	return n
}

// trimmed is the value of a scalar without white space at either end,
// or "" for none.
func trimmed(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	return strings.TrimSpace(n.Value)
}
