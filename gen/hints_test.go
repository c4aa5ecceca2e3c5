package gen_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
)

// withHints is a catalog whose first code has the hints key h (line 26).
func withHints(h string) string {
	return withCodes(edit(codeYAML, "    hints: [{cause: Cause of NoSuchBucket., fix: Fix of NoSuchBucket., sources: [doc]}]\n", h))
}

// badHints has one case per kind of problem of hints.
var badHints = []badCatalog{
	{"code without hints", withHints(""), []string{`c.yaml:19:5: missing key "hints" in code`}},
	{"class without hints", insertAfter(17, "  - {name: Extra, description: x}\n"), []string{`c.yaml:18:5: missing key "hints" in class`}},
	{"hints not a list", withHints("    hints: {cause: x}\n"), []string{`c.yaml:26:12: hints must be a list`}},
	{"hints empty", withHints("    hints: []\n"), []string{`c.yaml:26:12: hints list is empty`}},
	{"hint not a mapping", withHints("    hints: [x]\n"), []string{`c.yaml:26:13: hint must be a mapping`}},
	{"hint without cause", withHints("    hints: [{fix: F., sources: [doc]}]\n"), []string{`c.yaml:26:13: missing key "cause" in hint`}},
	{"hint without fix", withHints("    hints: [{cause: C., sources: [doc]}]\n"), []string{`c.yaml:26:13: missing key "fix" in hint`}},
	{"hint with an empty fix", withHints("    hints: [{cause: C., fix: \" \", sources: [doc]}]\n"), []string{`c.yaml:26:30: fix is empty`}},
	{"hint without sources", withHints("    hints: [{cause: C., fix: F.}]\n"), []string{`c.yaml:26:13: missing key "sources" in hint`}},
	{"hint with an undeclared source", withHints("    hints: [{cause: C., fix: F., sources: [doc, faq]}]\n"), []string{
		"c.yaml:26:49: unknown source \"faq\""}},
	{"hint with an unknown key", withHints("    hints: [{cause: C., fix: F., sources: [doc], see: also}]\n"), []string{
		"c.yaml:26:50: unknown key \"see\" in hint (want one of message, cause, fix, sources)"}},
	{"hint message on two lines", withHints("    hints: [{message: \"a\\nb\", cause: C., fix: F., sources: [doc]}]\n"), []string{
		`c.yaml:26:23: message has non-printable character U+000A`}},
	{"cause copied from another code", withCodes(codeYAML + edit(keyYAML, "cause: Cause of NoSuchKey.", "cause: Cause of  NoSuchBucket.")), []string{
		`c.yaml:34:21: cause copied word for word from code NoSuchBucket (at 26:21); write each entry's hints for it`}},
	{"fix copied from a class", withHints("    hints: [{cause: C., fix: Fix of NotFound., sources: [doc]}]\n"), []string{
		`c.yaml:26:30: fix copied word for word from class NotFound (at 13:92); write each entry's hints for it`}},
}

// TestLoadHints checks the hints Load reads: in order, a message trimmed,
// a text folded as YAML folds it, and a fix an entry repeats for two of
// its own causes.
func TestLoadHints(t *testing.T) {
	src := withHints(`    hints:
      - cause: The bucket name lacks its APPID.
        fix: Use the full bucket name.
        sources: [doc]
      - message: " Access Denied. "
        cause: A policy denies the request.
        fix: Grant the action to the caller,
          then retry.
        sources: [doc]
      - cause: Another cause.
        fix: Use the full bucket name.
        sources: [doc]
`)
	c, err := gen.Load("c.yaml", []byte(src))
	require.NoError(t, err)
	pos := func(line, col int) gen.Pos { return gen.Pos{File: "c.yaml", Line: line, Col: col} }
	assert.Equal(t, []gen.Hint{
		{Cause: "The bucket name lacks its APPID.", Fix: "Use the full bucket name.", Sources: []string{"doc"}, Pos: pos(27, 9)},
		{Message: "Access Denied.", Cause: "A policy denies the request.", Fix: "Grant the action to the caller, then retry.", Sources: []string{"doc"}, Pos: pos(30, 9)},
		{Cause: "Another cause.", Fix: "Use the full bucket name.", Sources: []string{"doc"}, Pos: pos(35, 9)},
	}, c.Codes[0].Hints)
	assert.Equal(t, []gen.Hint{{Cause: "Cause of Server.", Fix: "Fix of Server.", Sources: []string{"doc"}, Pos: pos(17, 62)}}, c.Classes[8].Hints)

	goSrc, _, err := gen.Generate("c.yaml", []byte(src), "coserr")
	require.NoError(t, err)
	require.NoError(t, typeCheck(goSrc))
	assert.Contains(t, string(goSrc), `{Cause: "A policy denies the request.", Fix: "Grant the action to the caller, then retry.", Message: "Access Denied."},`)
	assert.Contains(t, string(goSrc), `{Cause: "Cause of Server.", Fix: "Fix of Server."},`)
}
