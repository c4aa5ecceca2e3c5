package gen_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
)

// badCodes has one case per kind of problem of a code's own keys.
var badCodes = []badCatalog{
	{"code not a mapping", withCodes(codeYAML + "  - NoSuchKey\n"), []string{
		"c.yaml:27:5: code must be a mapping"}},
	{"unknown key in code", withCodes(codeYAML + "    http: 404\n"), []string{
		"c.yaml:27:5: unknown key \"http\" in code (want one of code, name, aliases, status, class, retryable, why, families, sent_as, clock_skew, checks, sources, description, hints)"}},
	{"duplicate key in code", withCodes(codeYAML + "    status: 400\n"), []string{
		"c.yaml:27:5: duplicate key \"status\" in code"}},
	{"duplicate code", withCodes(codeYAML + codeYAML), []string{
		"c.yaml:27:11: duplicate code \"NoSuchBucket\" (first at 19:11)"}},
	{"alias of another code", withCodes(codeYAML + edit(keyYAML, "    status", "    aliases: [NoSuchBucket]\n    status")), []string{
		"c.yaml:28:15: duplicate code \"NoSuchBucket\" (first at 19:11)"}},
	{"alias listed twice", withCodes(edit(codeYAML, "    status", "    aliases: [NoSuchBuckt, NoSuchBuckt]\n    status")), []string{
		"c.yaml:20:28: alias NoSuchBuckt listed twice"}},
	{"aliases not a list", withCodes(edit(codeYAML, "    status", "    aliases: NoSuchBuckt\n    status")), []string{
		"c.yaml:20:14: aliases must be a list"}},
	{"alias not a string", withCodes(edit(codeYAML, "    status", "    aliases: [[x]]\n    status")), []string{
		`c.yaml:20:15: alias must be a string`}},
	{"empty code", withCodes(edit(codeYAML, "code: NoSuchBucket", `code: ""`)), []string{
		"c.yaml:19:11: code \"\" is not a wire spelling: want printable ASCII without `, \\ or |, and no space at either end"}},
	{"null code", withCodes(edit(codeYAML, "code: NoSuchBucket", `code: ~`)), []string{
		`c.yaml:19:11: code must be a string`}},
	{"code with a backquote", withCodes(edit(codeYAML, "code: NoSuchBucket", "code: NoSuch`Bucket\n    name: NoSuchBucket")), []string{
		"c.yaml:19:11: code \"NoSuch`Bucket\" is not a wire spelling: want printable ASCII without `, \\ or |, and no space at either end"}},
	{"alias with a bar", withCodes(edit(codeYAML, "    status", "    aliases: [\"No|Such\"]\n    status")), []string{
		"c.yaml:20:15: alias \"No|Such\" is not a wire spelling: want printable ASCII without `, \\ or |, and no space at either end"}},
	{"alias with a line break", withCodes(edit(codeYAML, "    status", "    aliases: [\"No\\nSuch\"]\n    status")), []string{
		"c.yaml:20:15: alias \"No\\nSuch\" is not a wire spelling: want printable ASCII without `, \\ or |, and no space at either end"}},
	{"code with a trailing space", withCodes(edit(codeYAML, "code: NoSuchBucket", "code: \"NoSuchBucket \"\n    name: NoSuchBucket")), []string{
		"c.yaml:19:11: code \"NoSuchBucket \" is not a wire spelling: want printable ASCII without `, \\ or |, and no space at either end"}},
	{"code not an identifier", withCodes(edit(codeYAML, "code: NoSuchBucket", "code: no-such-bucket")), []string{
		`c.yaml:19:11: code "no-such-bucket" is not an exported Go identifier; give it a name`}},
	{"name not an identifier", withCodes(edit(codeYAML, "code: NoSuchBucket", "code: no-such-bucket\n    name: No-Such-Bucket")), []string{
		`c.yaml:20:11: name "No-Such-Bucket" is not an exported Go identifier`}},
	{"name not exported", withCodes(edit(codeYAML, "code: NoSuchBucket", "code: no-such-bucket\n    name: noSuchBucket")), []string{
		`c.yaml:20:11: name "noSuchBucket" is not an exported Go identifier`}},
	{"duplicate Go name", withCodes(codeYAML + edit(strings.ReplaceAll(codeYAML, "of NoSuchBucket", "of it"), "code: NoSuchBucket", "code: no such bucket\n    name: NoSuchBucket")), []string{
		"c.yaml:28:11: duplicate Go name \"NoSuchBucket\" (first at 19:11)"}},
	{"Go name of a class", withCodes(edit(codeYAML, "code: NoSuchBucket", "code: ErrNotFound")), []string{
		`c.yaml:19:11: duplicate Go name "ErrNotFound" (first at 13:12)`}},
	{"missing status", withCodes(edit(codeYAML, "    status: 404\n", "")), []string{
		`c.yaml:19:5: missing key "status" in code`}},
	{"status below 300", withCodes(edit(codeYAML, "status: 404", "status: 299")), []string{
		"c.yaml:20:13: status 299 is outside 300..599"}},
	{"status above 599", withCodes(edit(codeYAML, "status: 404", "status: [404, 600]")), []string{
		"c.yaml:20:19: status 600 is outside 300..599"}},
	{"status a string", withCodes(edit(codeYAML, "status: 404", `status: "404"`)), []string{
		"c.yaml:20:13: status must be an HTTP status"}},
	{"status a float", withCodes(edit(codeYAML, "status: 404", `status: 404.0`)), []string{
		"c.yaml:20:13: status must be an HTTP status"}},
	{"status null", withCodes(edit(codeYAML, "status: 404", `status: ~`)), []string{
		"c.yaml:20:13: status must be an HTTP status"}},
	{"status listed twice", withCodes(edit(codeYAML, "status: 404", "status: [404, 400, 404]")), []string{
		`c.yaml:20:24: status 404 listed twice`}},
	{"missing class", withCodes(edit(codeYAML, "    class: NotFound\n", "")), []string{
		`c.yaml:19:5: missing key "class" in code`}},
	{"unknown class", withCodes(edit(codeYAML, "class: NotFound", "class: NotFund")), []string{
		`c.yaml:21:12: unknown class "NotFund"`}},
	{"missing retryable", withCodes(edit(codeYAML, "    retryable: false\n", "")), []string{
		`c.yaml:19:5: missing key "retryable" in code`}},
	{"retryable yes", withCodes(edit(codeYAML, "retryable: false", "retryable: yes")), []string{
		`c.yaml:22:16: retryable must be true or false`}},
	{"retryable quoted", withCodes(edit(codeYAML, "retryable: false", `retryable: "false"`)), []string{
		`c.yaml:22:16: retryable must be true or false`}},
	{"retryable a number", withCodes(edit(codeYAML, "retryable: false", "retryable: 0")), []string{
		`c.yaml:22:16: retryable must be true or false`}},
	{"missing why, retryable", withCodes(edit(codeYAML, "retryable: false", "retryable: true")), []string{
		`c.yaml:19:5: missing key "why" in code (required when retryable is true or a status is 5xx, 408 or 429)`}},
	{"missing why, a 5xx status", withCodes(edit(codeYAML, "status: 404", "status: [404, 503]")), []string{
		`c.yaml:19:5: missing key "why" in code (required when retryable is true or a status is 5xx, 408 or 429)`}},
	{"missing why, 408", withCodes(edit(codeYAML, "status: 404", "status: 408")), []string{
		`c.yaml:19:5: missing key "why" in code (required when retryable is true or a status is 5xx, 408 or 429)`}},
	{"missing why, 429", withCodes(edit(codeYAML, "status: 404", "status: [400, 429]")), []string{
		`c.yaml:19:5: missing key "why" in code (required when retryable is true or a status is 5xx, 408 or 429)`}},
	{"empty why", withCodes(edit(codeYAML, "    families", "    why: \"  \"\n    families")), []string{
		"c.yaml:23:10: why is empty"}},
	{"why with a control character", withCodes(edit(codeYAML, "    families", "    why: \"a\\ab\"\n    families")), []string{
		`c.yaml:23:10: why has control character U+0007`}},
	{"why a list", withCodes(edit(codeYAML, "    families", "    why: [a]\n    families")), []string{
		`c.yaml:23:10: why must be a string`}},
	{"clock_skew yes", withCodes(edit(codeYAML, "    sources", "    clock_skew: yes\n    sources")), []string{
		`c.yaml:24:17: clock_skew must be true or false`}},
	{"clock_skew quoted", withCodes(edit(codeYAML, "    sources", "    clock_skew: \"true\"\n    sources")), []string{
		`c.yaml:24:17: clock_skew must be true or false`}},
	{"unknown check", withCodes(edit(codeYAML, "    sources", "    checks: [signature, colour]\n    sources")), []string{
		`c.yaml:24:25: check "colour" is no check; want one of signature, cors`}},
	{"check twice", withCodes(edit(codeYAML, "    sources", "    checks: [cors, cors]\n    sources")), []string{
		`c.yaml:24:20: check cors listed twice`}},
	{"checks a map", withCodes(edit(codeYAML, "    sources", "    checks: {a: b}\n    sources")), []string{
		`c.yaml:24:13: checks must be a list`}},
	{"missing description", withCodes(edit(codeYAML, "    description: The bucket does not exist.\n", "")), []string{
		`c.yaml:19:5: missing key "description" in code`}},
	{"blank description", withCodes(edit(codeYAML, "The bucket does not exist.", `"  "`)), []string{
		"c.yaml:25:18: description is empty"}},
	{"description with a control character", withCodes(edit(codeYAML, "The bucket does not exist.", `"The bucket\0 does not exist."`)), []string{
		`c.yaml:25:18: description has control character U+0000`}},
	{"description with a byte order mark", withCodes(edit(codeYAML, "The bucket does not exist.", `"The \uFEFFbucket"`)), []string{
		`c.yaml:25:18: description has control character U+FEFF`}},
	{"description with a bidi override", withCodes(edit(codeYAML, "The bucket does not exist.", `"The \u202Ebucket"`)), []string{
		`c.yaml:25:18: description has control character U+202E`}},
	{"codes out of order", withCodes(keyYAML + codeYAML), []string{
		"c.yaml:27:11: code \"NoSuchBucket\" is out of order; it belongs before \"NoSuchKey\""}},
}

func TestLoadValid(t *testing.T) {
	src := withCodes(`  - code: InternalError
    status: 500
    class: Server
    retryable: true
    why: 'a passing fault'
    families: [COS]
    sent_as:
      - code: no such key
        message: " InternalError "
    sources: [doc]
    description: "An internal error."
    hints: [{cause: It failed., fix: Retry., sources: [doc]}]
  - code: no such key
    name: NoSuchKey
    aliases: [NoSuchKeys, "No Such Key"]
    status: [404, 400]
    class: NotFound
    retryable: false
    families: [COS]
    clock_skew: false
    checks: [cors, signature]
    sources: [doc]
    description: |
      The key
      does not exist.
    hints: [{cause: It is gone., fix: Look again., sources: [doc]}]
  - code: x-unknown
    name: Unknown
    status: []
    class: BadRequest
    retryable: false
    why: fails the same way each time
    families: [COS]
    clock_skew: true
    sources: [doc]
    description: No status.
    hints: [{cause: Unknown., fix: Ask., sources: [doc]}]
`)
	c, err := gen.Load("c.yaml", []byte(src))
	require.NoError(t, err)
	pos := func(line, col int) gen.Pos { return gen.Pos{File: "c.yaml", Line: line, Col: col} }
	assert.Equal(t, []*gen.Family{{Name: "COS", Description: "The XML API.", Pos: pos(2, 5)}}, c.Families)
	assert.Equal(t, []*gen.Source{{ID: "doc", URL: "https://example.com/doc", Title: "A page.", Pos: pos(5, 5)}}, c.Sources)
	require.Len(t, c.Classes, 9)
	assert.Equal(t, &gen.Class{Name: "NotFound", Description: "Nothing there.", Pos: pos(13, 5),
		Hints: []gen.Hint{{Cause: "Cause of NotFound.", Fix: "Fix of NotFound.", Sources: []string{"doc"}, Pos: pos(13, 59)}}}, c.Classes[4])
	assert.Equal(t, "ErrNotFound", c.Classes[4].GoName())
	want := []*gen.Code{
		{Code: "InternalError", Name: "InternalError", Statuses: []int{500}, Class: "Server", Retryable: true,
			Why: "a passing fault", Families: []string{"COS"},
			SentAs:  []gen.SentAs{{Code: "no such key", Message: "InternalError", Pos: pos(26, 9)}},
			Sources: []string{"doc"}, Description: "An internal error.", Pos: pos(19, 5),
			Hints: []gen.Hint{{Cause: "It failed.", Fix: "Retry.", Sources: []string{"doc"}, Pos: pos(30, 13)}}},
		{Code: "no such key", Name: "NoSuchKey", Aliases: []string{"NoSuchKeys", "No Such Key"}, Statuses: []int{404, 400},
			Class: "NotFound", Families: []string{"COS"}, Checks: []string{"cors", "signature"}, Sources: []string{"doc"},
			Description: "The key\ndoes not exist.", Pos: pos(31, 5),
			Hints: []gen.Hint{{Cause: "It is gone.", Fix: "Look again.", Sources: []string{"doc"}, Pos: pos(44, 13)}}},
		{Code: "x-unknown", Name: "Unknown", Class: "BadRequest", Why: "fails the same way each time",
			Families: []string{"COS"}, ClockSkew: true, Sources: []string{"doc"}, Description: "No status.", Pos: pos(45, 5),
			Hints: []gen.Hint{{Cause: "Unknown.", Fix: "Ask.", Sources: []string{"doc"}, Pos: pos(55, 13)}}},
	}
	assert.Equal(t, want, c.Codes)
}

// TestCodeOrder checks which codes Load reports out of order: those off a
// longest run in order, the later of two swapped ones.
func TestCodeOrder(t *testing.T) {
	tests := []struct {
		order []string
		want  []string // by index in order: the message
	}{
		{[]string{"A", "B", "C"}, nil},
		{[]string{"B", "A"}, []string{1: `code "A" is out of order; it belongs before "B"`}},
		{[]string{"A", "C", "B", "D"}, []string{2: `code "B" is out of order; it belongs before "C"`}},
		{[]string{"A", "Z", "B", "C"}, []string{1: `code "Z" is out of order; it belongs after "C"`}},
		{[]string{"C", "A", "B"}, []string{0: `code "C" is out of order; it belongs after "B"`}},
		{[]string{"A", "B", "Y", "Z", "C", "D", "E"}, []string{2: `code "Y" is out of order; it belongs after "E"`, 3: `code "Z" is out of order; it belongs after "E"`}},
		{[]string{"Ab", "AB", "Ac"}, []string{1: `code "AB" is out of order; it belongs before "Ab"`}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.order, " "), func(t *testing.T) {
			var body strings.Builder
			for _, code := range tt.order {
				body.WriteString(strings.ReplaceAll(codeYAML, "NoSuchBucket", code))
			}
			var want []string
			for i, msg := range tt.want {
				if msg != "" {
					want = append(want, fmt.Sprintf("c.yaml:%d:11: %s", 19+8*i, msg))
				}
			}
			c, err := gen.Load("c.yaml", []byte(withCodes(body.String())))
			if want == nil {
				require.NoError(t, err)
				require.Len(t, c.Codes, len(tt.order))
				return
			}
			assert.Equal(t, want, loadErrs(t, withCodes(body.String())))
		})
	}
}
