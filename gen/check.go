package gen

import (
	"slices"
	"strings"

	"github.com/cosgo/errcatalog/internal/statusrule"
	"go.yaml.in/yaml/v3"
)

// The rules that look across entries, checked once every entry is read.

// fallbackClasses reports every class that package statusrule gives an
// error by its status alone and that the classes section lacks, at the
// classes key k.
func (l *loader) fallbackClasses(k *yaml.Node) {
	for _, name := range statusrule.Classes {
		if l.classes[name] == nil {
			l.errAt(k, "missing class %q: coserr falls back to it by HTTP status (internal/statusrule)", name)
		}
	}
}

// checkSentAs checks every sent_as entry: its code is a code of the
// catalog, in its own spelling, other than the entry it is in, and no
// code and message pair is written twice.
func (l *loader) checkSentAs() {
	type pair struct{ code, message string }
	seen := map[pair]Pos{}
	for _, s := range l.sentAs {
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
		p := pair{code, strings.TrimSpace(s.message.Value)}
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
	if slices.IsSortedFunc(l.order, func(a, b *yaml.Node) int { return strings.Compare(a.Value, b.Value) }) {
		return
	}
	// A longest decreasing subsequence of the reversed list, by patience
	// sorting: tails[k] is the index of the largest code that ends such a
	// subsequence of length k+1; prev links each index to its predecessor.
	var tails []int
	prev := make([]int, n)
	for i := n - 1; i >= 0; i-- {
		v := l.order[i].Value
		k, _ := slices.BinarySearchFunc(tails, v, func(t int, v string) int { return strings.Compare(v, l.order[t].Value) })
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
	kept := make([]bool, n)
	var keptList []string
	for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
		kept[i] = true
		keptList = append(keptList, l.order[i].Value)
	}
	for i, k := range l.order {
		if kept[i] {
			continue
		}
		j, _ := slices.BinarySearch(keptList, k.Value)
		if j < len(keptList) {
			l.errAt(k, "code %q is out of order; it belongs before %q", k.Value, keptList[j])
		} else {
			l.errAt(k, "code %q is out of order; it belongs after %q", k.Value, keptList[len(keptList)-1])
		}
	}
}

// checkUsed reports, like an unused import, every entry of a section that
// no code refers to. It runs only when the codes section could be read.
func (l *loader) checkUsed(what string, names map[string]*declared) {
	var unused []string
	for name, d := range names {
		if d.ok && !d.used {
			unused = append(unused, name)
		}
	}
	slices.Sort(unused)
	for _, name := range unused {
		p := names[name].pos
		l.errf(p.Line, p.Col, "%s %q is declared and not used", what, name)
	}
}
