package gen

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// hintKeys are the keys a hint may have, in the order the catalog writes
// them.
var hintKeys = []string{"message", "cause", "fix", "sources"}

// A Hint is one likely cause of an error and what to do about it.
type Hint struct {
	Cause   string   // a likely cause, in a sentence
	Fix     string   // what to do about it, in a sentence
	Message string   // the <Message> COS sends for this cause, or "" when any message fits
	Sources []string // Source.ID of every source the hint comes from
	Pos     Pos
}

// A hintText is where a cause or fix is first written and by which entry.
type hintText struct {
	owner string // "code NoSuchKey", "class NotFound"
	pos   Pos
}

// hints reads the hints key of an entry; owner names the entry in
// messages ("code NoSuchKey"). A cause or fix written word for word by
// another entry is reported: each entry's hints are written for it.
func (l *loader) hints(n *yaml.Node, m map[string]*yaml.Node, owner string) []Hint {
	s := m["hints"]
	switch {
	case s == nil:
		return nil
	case s.Kind != yaml.SequenceNode:
		l.errAt(s, "hints must be a list of hints")
		return nil
	case len(s.Content) == 0:
		l.errAt(s, "hints list is empty")
		return nil
	}
	var out []Hint
	for _, e := range s.Content {
		hm := l.fields(e, "hint", hintKeys)
		if hm == nil {
			continue
		}
		before := len(l.errs)
		h := Hint{Pos: l.pos(e)}
		if msg := hm["message"]; msg != nil && l.scalar(msg, "message") {
			if p := messageProblem(msg.Value); p != "" {
				l.errAt(msg, "hint message %s", p)
			}
			h.Message = strings.TrimSpace(msg.Value)
		}
		var ok bool
		if h.Cause, ok = l.text(e, hm, "hint", "cause"); ok {
			l.hintOwn(hm["cause"], "cause", h.Cause, owner)
		}
		if h.Fix, ok = l.text(e, hm, "hint", "fix"); ok {
			l.hintOwn(hm["fix"], "fix", h.Fix, owner)
		}
		h.Sources = l.refs(e, hm, "hint", "sources", "source", l.sources)
		if len(l.errs) == before {
			out = append(out, h)
		}
	}
	return out
}

// hintOwn records a cause or fix of owner, reporting one that another
// entry already has, compared with white space folded.
func (l *loader) hintOwn(n *yaml.Node, key, text, owner string) {
	t := oneLine(text)
	if first, dup := l.hintTexts[t]; dup && first.owner != owner {
		l.errAt(n, "%s copied word for word from %s (at %d:%d); write each entry's hints for it", key, first.owner, first.pos.Line, first.pos.Col)
		return
	}
	if _, dup := l.hintTexts[t]; !dup {
		l.hintTexts[t] = hintText{owner, l.pos(n)}
	}
}
