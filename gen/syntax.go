package gen

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// maxScanDepth is how deep the pre-scan lets flow collections nest before
// it refuses the file unparsed. It is far above maxDepth, which is checked
// exactly on the parsed tree, and far below the ten thousand levels the
// YAML parser walks through before it gives up.
const maxScanDepth = 256

// A prescan is what one cheap pass over a catalog's bytes learns before the
// YAML parser sees them: where each line starts, at which line starts the
// file can be cut without splitting a quoted scalar or a flow collection,
// and the first problem that makes parsing pointless or costly (bytes that
// are not UTF-8 or that YAML forbids, too many nodes, flow collections
// nested absurdly deep). Lines end where YAML ends them: at LF, CR, CRLF,
// NEL, LS and PS.
//
// The pass is a tokenizer, not a parser: on valid YAML it tracks quotes,
// flow brackets and block scalars exactly; on broken YAML it may guess
// wrong, which costs only the precision of a syntax error's position.
type prescan struct {
	src    []byte
	lines  []int  // byte offset of the start of line i+1
	cut    []bool // no quoted scalar or flow collection is open where line i+1 starts
	open   int    // offset of the quote or bracket still open at the end, or -1
	nodes  int    // scalars and collections started
	bad    int    // offset of the first problem, or -1
	badMsg string

	quote       byte // '"' or '\'' while inside a quoted scalar
	flow        int  // depth of flow collections
	inBlock     bool // inside the content of a block scalar
	blockIndent int  // its content is indented more than this
}

func scanCatalog(src []byte) *prescan {
	s := &prescan{src: src, open: -1, bad: -1}
	for i := 0; ; {
		end := i
		for end < len(src) && lineBreak(src, end) == 0 {
			end++
		}
		s.line(i, end)
		if end == len(src) {
			break
		}
		i = end + lineBreak(src, end)
	}
	s.chars()
	return s
}

// lineBreak returns the length of the line break at src[i], or 0.
func lineBreak(src []byte, i int) int {
	switch {
	case src[i] == '\n':
		return 1
	case src[i] == '\r':
		if i+1 < len(src) && src[i+1] == '\n' {
			return 2
		}
		return 1
	case src[i] == 0xC2 && i+1 < len(src) && src[i+1] == 0x85: // NEL
		return 2
	case src[i] == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9): // LS, PS
		return 3
	}
	return 0
}

// chars finds the first byte sequence that is not UTF-8 or is a character
// YAML does not allow in a stream.
func (s *prescan) chars() {
	for i := 0; i < len(s.src); {
		r, w := utf8.DecodeRune(s.src[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			s.fail(i, "invalid UTF-8")
			return
		case !yamlChar(r):
			s.fail(i, "control character %U is not allowed", r)
			return
		}
		i += w
	}
}

// yamlChar reports whether YAML allows r in a stream.
func yamlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		return true
	case r >= 0x20 && r <= 0x7E, r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// fail records a problem at offset off, unless an earlier one is known.
func (s *prescan) fail(off int, format string, args ...any) {
	if s.bad < 0 || off < s.bad {
		s.bad, s.badMsg = off, fmt.Sprintf(format, args...)
	}
}

// node counts a node starting at off.
func (s *prescan) node(off int) {
	if s.nodes++; s.nodes == maxNodes+1 {
		s.fail(off, "more than %d YAML nodes", maxNodes)
	}
}

// line tokenizes the line src[start:end].
func (s *prescan) line(start, end int) {
	src := s.src
	s.lines = append(s.lines, start)
	s.cut = append(s.cut, s.quote == 0 && s.flow == 0)
	defer func() {
		if s.quote == 0 && s.flow == 0 {
			s.open = -1 // everything opened so far is closed
		}
	}()
	indent := 0
	for start+indent < end && src[start+indent] == ' ' {
		indent++
	}
	j := start + indent
	if s.inBlock {
		if j == end || indent > s.blockIndent || blank(src[j:end]) {
			return
		}
		s.inBlock = false
	}
	first := true // a node may start here
	if s.quote != 0 {
		if j = s.quoted(start, end); s.quote != 0 {
			return
		}
		first = false
	} else if indent == 0 && j < end {
		rest := src[j:end]
		switch {
		case rest[0] == '%':
			return // a directive
		case bytes.HasPrefix(rest, []byte("...")) && (len(rest) == 3 || isSpace(rest[3])):
			return
		case bytes.HasPrefix(rest, []byte("---")) && (len(rest) == 3 || isSpace(rest[3])):
			j += 3
		}
	}
	space := true        // a '#' here starts a comment
	parent := indent - 1 // a block scalar here has content indented more than this
	for j < end {
		c := src[j]
		if isSpace(c) {
			j, space = j+1, true
			continue
		}
		if c == '#' && space {
			return
		}
		space = false
		switch {
		case first && (c == '"' || c == '\''):
			s.node(j)
			if s.quote = c; s.flow == 0 {
				s.open = j
			}
			j, first = s.quoted(j+1, end), false
		case c == '[' || c == '{':
			if s.flow == 0 && !first {
				j++ // text after a scalar; the parser will complain
				continue
			}
			s.node(j)
			if s.flow++; s.flow == 1 {
				s.open = j
			} else if s.flow > maxScanDepth {
				s.fail(j, "nesting deeper than %d levels", maxDepth)
			}
			j, first = j+1, true
		case (c == ']' || c == '}') && s.flow > 0:
			s.flow--
			j, first = j+1, false
		case c == ',' && s.flow > 0:
			j, first = j+1, true
		case c == ':' && s.indicator(j+1, end):
			j, first = j+1, true
		case first && (c == '-' || c == '?') && s.indicator(j+1, end):
			parent = j - start
			j++
		case first && (c == '|' || c == '>') && s.flow == 0:
			s.node(j)
			s.inBlock, s.blockIndent = true, parent
			return
		case first && (c == '!' || c == '&'):
			j = s.word(j, end) // a tag or an anchor; the node follows
		case first && c == '*':
			s.node(j)
			j, first = s.word(j, end), false
		case first:
			s.node(j)
			parent = j - start
			j, first = s.plain(j, end), false
		default:
			j++
		}
	}
}

// quoted scans a quoted scalar from j to its closing quote and returns the
// offset after it, or end when it goes on past the line.
func (s *prescan) quoted(j, end int) int {
	src := s.src
	for j < end {
		switch c := src[j]; {
		case s.quote == '"' && c == '\\':
			j += 2
			continue
		case s.quote == '\'' && c == '\'' && j+1 < end && src[j+1] == '\'':
			j += 2
			continue
		case c == s.quote:
			s.quote = 0
			return j + 1
		}
		j++
	}
	return end
}

// plain returns where the plain scalar starting at j ends on its line.
func (s *prescan) plain(j, end int) int {
	src := s.src
	for ; j < end; j++ {
		c := src[j]
		switch {
		case c == ':' && s.indicator(j+1, end):
			return j
		case isSpace(c) && j+1 < end && src[j+1] == '#':
			return j
		case s.flow > 0 && strings.IndexByte(",[]{}", c) >= 0:
			return j
		}
	}
	return end
}

// word returns the end of a tag, anchor or alias starting at j.
func (s *prescan) word(j, end int) int {
	for ; j < end && !isSpace(s.src[j]); j++ {
		if s.flow > 0 && strings.IndexByte(",[]{}", s.src[j]) >= 0 {
			break
		}
	}
	return j
}

// indicator reports whether an indicator character before j stands alone:
// followed by a space, the end of the line or, in a flow, a flow indicator.
func (s *prescan) indicator(j, end int) bool {
	return j >= end || isSpace(s.src[j]) || s.flow > 0 && strings.IndexByte(",[]{}", s.src[j]) >= 0
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

func blank(b []byte) bool { return len(bytes.Trim(b, " \t")) == 0 }

// pos converts a byte offset to a line and a column, counting characters
// as YAML does.
func (s *prescan) pos(off int) (line, col int) {
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
	return i + 1, utf8.RuneCount(s.src[s.lines[i]:off]) + 1
}
