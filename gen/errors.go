package gen

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a catalog file. Line and Col count from 1; Col is
// 0 where only the line is known (a YAML syntax error).
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as FILE:LINE:COL, the form compilers use, or
// FILE:LINE when the column is not known.
func (p Pos) String() string {
	if p.Col == 0 {
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// An Error is one problem found in a catalog, at a position.
type Error struct {
	Pos Pos
	Msg string
}

// Error formats e as "FILE:LINE:COL: message".
func (e *Error) Error() string {
	return e.Pos.String() + ": " + e.Msg
}

// ErrorList is every problem found in a catalog, sorted by position.
// Load returns one when the catalog is invalid.
type ErrorList []*Error

// Error formats the list one problem per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap gives errors.Is and errors.As access to every problem.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
