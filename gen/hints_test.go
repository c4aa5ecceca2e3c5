package gen_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
)

// hintYAML is the hints key of a code, lines 26 to 29 after codeYAML.
const hintYAML = `    hints:
      - cause: The bucket name lacks its APPID.
        fix: Use the full bucket name.
        sources: [doc]
`

// badHints has one case per kind of problem of a hint.
var badHints = []badCatalog{
	{"hints not a list", withCodes(codeYAML + "    hints: {cause: x}\n"), []string{
		`c.yaml:26:12: hints must be a list of hints`}},
	{"hints empty", withCodes(codeYAML + "    hints: []\n"), []string{
		`c.yaml:26:12: hints list is empty`}},
	{"hint without cause", withCodes(codeYAML + edit(hintYAML, "- cause: The bucket name lacks its APPID.\n        fix", "- fix")), []string{
		`c.yaml:27:9: missing key "cause" in hint`}},
	{"hint without fix", withCodes(codeYAML + edit(hintYAML, "        fix: Use the full bucket name.\n", "")), []string{
		`c.yaml:27:9: missing key "fix" in hint`}},
	{"hint with empty fix", withCodes(codeYAML + edit(hintYAML, "fix: Use the full bucket name.", `fix: " "`)), []string{
		`c.yaml:28:14: empty fix`}},
	{"hint without sources", withCodes(codeYAML + edit(hintYAML, "        sources: [doc]\n", "")), []string{
		`c.yaml:27:9: missing key "sources" in hint`}},
	{"hint with an undeclared source", withCodes(codeYAML + edit(hintYAML, "[doc]", "[doc, faq]")), []string{
		`c.yaml:29:24: unknown source "faq"`}},
	{"hint with an unknown key", withCodes(codeYAML + hintYAML + "        see: also\n"), []string{
		`c.yaml:30:9: unknown key "see" in hint (want one of message, cause, fix, sources)`}},
	{"hint message on two lines", withCodes(codeYAML + edit(hintYAML, "- cause", "- message: \"a\\nb\"\n        cause")), []string{
		`c.yaml:27:18: hint message has non-printable character U+000A`}},
	{"cause copied onto another code", withCodes(codeYAML + hintYAML + keyYAML + edit(hintYAML, "fix: Use the full bucket name.", "fix: Name the key.")), []string{
		`c.yaml:38:16: cause copied word for word from code NoSuchBucket (at 27:16); write each entry's hints for it`}},
	{"fix copied onto a class, spaced otherwise", edit(withCodes(codeYAML+hintYAML),
		"  - {name: NotFound, description: Nothing there.}",
		"  - {name: NotFound, description: Nothing there., hints: [{cause: Gone., fix: \"Use  the full\n      bucket name.\", sources: [doc]}]}"), []string{
		`c.yaml:29:14: fix copied word for word from class NotFound (at 13:79); write each entry's hints for it`}},
}

func TestLoadHints(t *testing.T) {
	src := edit(withCodes(codeYAML+edit(hintYAML, "        sources: [doc]\n", `        sources: [doc]
      - message: " Access Denied. "
        cause: A policy denies the request.
        fix: Grant the action to the caller,
          then retry.
        sources: [doc]
      - cause: Another cause.
        fix: Use the full bucket name.
        sources: [doc]
`)), "  - {name: Server, description: The service failed.}",
		"  - {name: Server, description: The service failed., hints: [{cause: COS failed., fix: Retry later., sources: [doc]}]}")
	c, err := gen.Load("c.yaml", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, []gen.Hint{
		{Cause: "The bucket name lacks its APPID.", Fix: "Use the full bucket name.", Sources: []string{"doc"}, Pos: gen.Pos{File: "c.yaml", Line: 27, Col: 9}},
		{Message: "Access Denied.", Cause: "A policy denies the request.", Fix: "Grant the action to the caller, then retry.", Sources: []string{"doc"}, Pos: gen.Pos{File: "c.yaml", Line: 30, Col: 9}},
		{Cause: "Another cause.", Fix: "Use the full bucket name.", Sources: []string{"doc"}, Pos: gen.Pos{File: "c.yaml", Line: 35, Col: 9}},
	}, c.Codes[0].Hints, "a code may repeat its own fix")
	assert.Equal(t, []gen.Hint{{Cause: "COS failed.", Fix: "Retry later.", Sources: []string{"doc"}, Pos: gen.Pos{File: "c.yaml", Line: 17, Col: 62}}}, c.Classes[8].Hints)

	goSrc, _, err := gen.Generate("c.yaml", []byte(src), "coserr")
	require.NoError(t, err)
	require.NoError(t, typeCheck(goSrc))
	assert.Contains(t, string(goSrc), `{Cause: "A policy denies the request.", Fix: "Grant the action to the caller, then retry.", Message: "Access Denied."}`)
	assert.Contains(t, string(goSrc), `hints: []Hint{{Cause: "COS failed.", Fix: "Retry later."}}`)
}
