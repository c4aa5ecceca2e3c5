package gen

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxPos turns a YAML syntax error into a position and a message.
// The parser's line can be the start of the enclosing construct, so the
// position is the first line at which the file stops parsing: the line
// that ends the shortest prefix, from the parser's line on, that fails on
// its own. Only prefixes that end where no quoted scalar or flow
// collection is open are tried, since cutting one in two fails for no
// fault of the file; when the file fails only at its end, because such a
// construct never closes, the position is where it opens.
func (s *prescan) syntaxPos(err error) (line, col int, msg string) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	from := 1
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		from, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	// A prefix through line k ends where line k+1 starts.
	var cands []int
	for k := max(from, 1); k < len(s.lines); k++ {
		if s.cut[k] {
			cands = append(cands, k)
		}
	}
	cands = append(cands, len(s.lines))
	failed := map[int]bool{}
	fails := func(i int) bool {
		f, ok := failed[i]
		if !ok {
			end := len(s.src)
			if k := cands[i]; k < len(s.lines) {
				end = s.lines[k]
			}
			_, _, err := parse(s.src[:end])
			f = err != nil
			failed[i] = f
		}
		return f
	}
	i := s.guess(from, cands, fails)
	if i < 0 {
		i = sort.Search(len(cands), fails)
	}
	switch {
	case i == len(cands):
		line = min(max(from, 1), len(s.lines))
	case i == len(cands)-1 && s.open >= 0 && (i == 0 || s.open >= s.lines[cands[i-1]]):
		line, col = s.pos(s.open)
		return line, col, "syntax error: " + msg
	default:
		line = cands[i]
	}
	text := s.src[s.lines[line-1]:]
	return line, 1 + len(text) - len(bytes.TrimLeft(text, " ")), "syntax error: " + msg
}

// guess finds, most of the time cheaply, the candidate the prefix search
// in syntaxPos would find, and returns its index in cands, or -1. On a big
// file that search costs a parse of most of the file per step. Instead:
// the parser's line (from) is where the construct around the fault
// starts; parsed on its own, that construct fails again, and this time
// the parser names the fault's own line, since it names a context only
// below line one. A guess is taken only when the prefix through it fails
// and the one before it does not, exactly what the search would find.
// The parser counts lines from 0 for its own errors and from 1 for its
// scanner's, so each line it names stands for two, and the construct
// starts on from or the line after.
func (s *prescan) guess(from int, cands []int, fails func(int) bool) int {
	var first, later []int // lines to try: from windows that failed past their first two lines, then the others
	for _, start := range []int{from + 1, from} {
		if start < 1 || start > len(s.lines) {
			continue
		}
		_, _, err := parse(s.src[s.lines[start-1]:])
		if err == nil {
			continue
		}
		r := 0
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			r, _ = strconv.Atoi(m[1])
		}
		if r >= 2 {
			first = append(first, start+r, start+r-1)
		} else {
			later = append(later, start+r, start+r-1)
		}
	}
	tried := 0
	for _, k := range append(first, later...) {
		i, ok := slices.BinarySearch(cands, k)
		if !ok {
			continue
		}
		if tried++; tried > 4 {
			break
		}
		if fails(i) && (i == 0 || !fails(i-1)) {
			return i
		}
	}
	return -1
}
