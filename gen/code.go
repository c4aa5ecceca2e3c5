package gen

import (
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// code loads one entry of the codes section.
func (l *loader) code(n *yaml.Node) {
	m := l.fields(n, "code", codeKeys)
	if m == nil {
		return
	}
	c := &Code{Pos: l.pos(n)}
	before := len(l.errs)
	if k := l.str(n, m, "code", "code"); k != nil {
		c.Code = k.Value
		l.name(c, k, m["name"])
	}
	if as := m["aliases"]; as != nil {
		if as.Kind != yaml.SequenceNode {
			l.errAt(as, "aliases must be a list of strings")
		}
		for _, a := range as.Content {
			if l.scalar(a, "alias") && l.wireSpelling(a, c.Code, true) {
				c.Aliases = append(c.Aliases, a.Value)
			}
		}
	}
	c.Statuses = l.statuses(n, m)
	if cl := l.str(n, m, "code", "class"); cl != nil {
		c.Class = cl.Value
		if l.classes != nil && l.classes[c.Class] == nil {
			l.errAt(cl, "unknown class %q", c.Class)
		}
	}
	c.Retryable = l.bool(n, m, "retryable", true)
	l.why(n, m, c)
	c.Families = l.refs(n, m, "code", "families", "family", l.families)
	c.SentAs = l.sentAsList(m["sent_as"], c.Code)
	c.ClockSkew = l.bool(n, m, "clock_skew", false)
	c.Sources = l.refs(n, m, "code", "sources", "source", l.sources)
	c.Description, _ = l.text(n, m, "code", "description")
	c.Hints = l.hints(n, m, "code "+c.Code)
	if len(l.errs) == before {
		l.cat.Codes = append(l.cat.Codes, c)
	}
}

// name records the wire spelling k of c and sets c.Name: the name key nn
// when there is one, else the wire spelling, which must then be an
// exported Go identifier.
func (l *loader) name(c *Code, k, nn *yaml.Node) {
	wireOK := l.wireSpelling(k, c.Code, false)
	if wireOK {
		l.order = append(l.order, k)
	}
	c.Name = c.Code
	switch {
	case nn != nil:
		if l.scalar(nn, "name") {
			c.Name = nn.Value
			if !isExported(c.Name) {
				l.errAt(nn, "name %q is not an exported Go identifier", c.Name)
			} else {
				l.goName(nn, c.Name)
			}
		}
	case !wireOK:
		// The Go name would be the bad or repeated wire spelling:
		// one report is enough.
	case !isExported(c.Code):
		l.errAt(k, "code %q is not an exported Go identifier; give it a name", c.Code)
	default:
		l.goName(k, c.Name)
	}
}

// wireSpelling records the wire spelling in n, a code or an alias of the
// code owner. It reports, and returns false for, an empty or malformed one
// and one that an earlier code or alias has.
func (l *loader) wireSpelling(n *yaml.Node, owner string, alias bool) bool {
	s := n.Value
	if s == "" {
		l.errAt(n, "empty code")
		return false
	}
	if !wireOK(s) {
		l.errAt(n, "%q is not a wire spelling: want printable ASCII without `, \\ or |, and no space at either end", s)
		return false
	}
	if w, dup := l.wire[s]; dup {
		l.errAt(n, "duplicate code %q (first at %d:%d)", s, w.pos.Line, w.pos.Col)
		return false
	}
	l.wire[s] = wireUse{pos: l.pos(n), code: owner, alias: alias}
	return true
}

// goName records a Go name, reporting a reserved or repeated one.
func (l *loader) goName(n *yaml.Node, s string) {
	if slices.Contains(l.reserved, s) {
		l.errAt(n, "Go name %q is reserved in package coserr; give the code another name", s)
		return
	}
	if p, dup := l.goNames[s]; dup {
		l.errAt(n, "duplicate Go name %q (first at %d:%d)", s, p.Line, p.Col)
		return
	}
	l.goNames[s] = l.pos(n)
}

// statuses reads the status key: an HTTP status, or a list of them with
// the primary first; an explicit empty list when no source gives one.
func (l *loader) statuses(n *yaml.Node, m map[string]*yaml.Node) []int {
	s := m["status"]
	if s == nil {
		l.errAt(n, "missing key %q in code", "status")
		return nil
	}
	items := []*yaml.Node{s}
	if s.Kind == yaml.SequenceNode {
		items = s.Content
	}
	var out []int
	for _, it := range items {
		st, err := strconv.Atoi(it.Value)
		switch {
		case it.Kind != yaml.ScalarNode || it.Tag != "!!int" || err != nil:
			l.errAt(it, "status must be an HTTP status or a list of them, primary first")
		case st < minStatus || st > maxStatus:
			l.errAt(it, "status %d outside %d..%d", st, minStatus, maxStatus)
		case slices.Contains(out, st):
			l.errAt(it, "status %d listed twice", st)
		default:
			out = append(out, st)
		}
	}
	return out
}

// bool reads a key holding true or false; required says whether it may be
// left out, which means false.
func (l *loader) bool(n *yaml.Node, m map[string]*yaml.Node, key string, required bool) bool {
	r := m[key]
	if r == nil {
		if required {
			l.errAt(n, "missing key %q in code", key)
		}
		return false
	}
	b, err := strconv.ParseBool(r.Value)
	if r.Kind != yaml.ScalarNode || r.Tag != "!!bool" || err != nil {
		l.errAt(r, "%s must be true or false", key)
		return false
	}
	return b
}

// why reads the why key, which must be there when the code is retryable
// or has a status that the fallback rule retries (5xx, 408, 429).
func (l *loader) why(n *yaml.Node, m map[string]*yaml.Node, c *Code) {
	w := m["why"]
	if w == nil {
		if needsWhy(c) {
			l.errAt(n, "missing key %q in code (required when retryable is true or a status is 5xx, 408 or 429)", "why")
		}
		return
	}
	if !l.scalar(w, "why") {
		return
	}
	s := strings.TrimSpace(w.Value)
	switch msg := textProblem(s); {
	case s == "":
		l.errAt(w, "empty why")
	case msg != "":
		l.errAt(w, "why %s", msg)
	case strings.ContainsAny(s, lineBreaks):
		l.errAt(w, "why must be one line")
	default:
		c.Why = s
	}
}

// needsWhy reports whether a code must say why it is retryable or not.
func needsWhy(c *Code) bool {
	if c.Retryable {
		return true
	}
	for _, st := range c.Statuses {
		if st >= 500 || st == 408 || st == 429 {
			return true
		}
	}
	return false
}

// refs reads a required, non-empty list of references to the names a
// section declares (families or sources), marking each one used.
func (l *loader) refs(n *yaml.Node, m map[string]*yaml.Node, entry, key, what string, names map[string]*declared) []string {
	s := m[key]
	switch {
	case s == nil:
		l.errAt(n, "missing key %q in %s", key, entry)
		return nil
	case s.Kind != yaml.SequenceNode:
		l.errAt(s, "%s must be a list of %s names", key, what)
		return nil
	case len(s.Content) == 0:
		l.errAt(s, "%s list is empty", key)
		return nil
	}
	var out []string
	for _, it := range s.Content {
		if !l.scalar(it, what) {
			continue
		}
		d := names[it.Value]
		switch {
		case slices.Contains(out, it.Value):
			l.errAt(it, "%s %q listed twice", what, it.Value)
		case names == nil: // the section could not be read
			out = append(out, it.Value)
		case d == nil:
			l.errAt(it, "unknown %s %q", what, it.Value)
		default:
			d.used = true
			out = append(out, it.Value)
		}
	}
	return out
}

// sentAsList reads the sent_as key of the code owner. Its codes are
// checked once every code is known (checkSentAs).
func (l *loader) sentAsList(s *yaml.Node, owner string) []SentAs {
	if s == nil {
		return nil
	}
	if s.Kind != yaml.SequenceNode {
		l.errAt(s, "sent_as must be a list")
		return nil
	}
	var out []SentAs
	for _, e := range s.Content {
		m := l.fields(e, "sent_as entry", sentAsKeys)
		if m == nil {
			continue
		}
		code := l.str(e, m, "sent_as entry", "code")
		msg := l.str(e, m, "sent_as entry", "message")
		if msg != nil {
			if p := messageProblem(msg.Value); p != "" {
				l.errAt(msg, "sent_as message %s", p)
				msg = nil
			}
		}
		if code != nil && msg != nil {
			l.sentAs = append(l.sentAs, sentAsUse{owner: owner, code: code, message: msg})
			out = append(out, SentAs{Code: code.Value, Message: strings.TrimSpace(msg.Value), Pos: l.pos(e)})
		}
	}
	return out
}
