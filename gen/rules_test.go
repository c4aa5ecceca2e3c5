package gen_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
)

// withFamily is a catalog with a family entry inserted at line 4.
func withFamily(entry string) string { return insertAfter(3, entry) }

// withSource is a catalog with a source entry inserted at line 8.
func withSource(entry string) string { return insertAfter(7, entry) }

// withKey is a catalog whose second code is keyYAML with old replaced by
// new: its code is on line 26, status 27, class 28, retryable 29,
// families 30, sources 31 (sent_as inserted before sources is on 31) and
// description 32.
func withKey(old, new string) string { return withCodes(codeYAML + edit(keyYAML, old, new)) }

// withSentAs is withKey with sent_as lines inserted before sources.
func withSentAs(lines string) string { return withKey("    sources", lines+"    sources") }

const urlRule = " must be an http or https URL of printable ASCII without space, \", <, >, \\, ` or |"

// badRefs has one case per kind of problem of the families and sources
// sections, of the references to them and of sent_as.
var badRefs = []badCatalog{
	{"families not a list", edit(withCodes(codeYAML), "families:\n  - name: COS\n    description: The XML API.\n", "families: COS\n"), []string{
		"c.yaml:1:11: families must be a list"}},
	{"family not a mapping", withFamily("  - COS\n"), []string{`c.yaml:4:5: family must be a mapping`}},
	{"unknown key in family", withFamily("  - name: CI\n    doc: x\n"), []string{
		`c.yaml:4:5: missing key "description" in family`,
		`c.yaml:5:5: unknown key "doc" in family (want one of name, description)`}},
	{"missing family name", withFamily("  - description: x\n"), []string{`c.yaml:4:5: missing key "name" in family`}},
	{"family name in lower case", withFamily("  - name: ci\n    description: x\n"), []string{
		"c.yaml:4:11: name \"ci\" must be ASCII letters and digits, starting with an upper-case letter"}},
	{"family name with a dash", withFamily("  - name: C-I\n    description: x\n"), []string{
		"c.yaml:4:11: name \"C-I\" must be ASCII letters and digits, starting with an upper-case letter"}},
	{"duplicate family", withFamily("  - name: COS\n    description: Again.\n"), []string{
		`c.yaml:4:11: duplicate family "COS" (first at 2:11)`}},
	{"unused family", withFamily("  - name: CI\n    description: Cloud Infinite.\n"), []string{
		`c.yaml:4:11: family "CI" is declared and not used`}},
	{"empty family description", withFamily("  - name: CI\n    description: \"\"\n"), []string{
		"c.yaml:5:18: description is empty"}},

	{"sources not a list", edit(withCodes(codeYAML), "sources:\n  - id: doc\n    url: https://example.com/doc\n    title: A page.\n", "sources: doc\n"), []string{
		`c.yaml:4:10: sources must be a list`}},
	{"source not a mapping", withSource("  - other\n"), []string{`c.yaml:8:5: source must be a mapping`}},
	{"unknown key in source", withSource("  - id: other\n    url: https://example.com/other\n    title: T.\n    note: x\n"), []string{
		"c.yaml:11:5: unknown key \"note\" in source (want one of id, url, title)"}},
	{"missing source id", withSource("  - url: https://example.com/other\n    title: T.\n"), []string{
		`c.yaml:8:5: missing key "id" in source`}},
	{"source id with capitals", withSource("  - id: Other\n    url: https://example.com/other\n    title: T.\n"), []string{
		"c.yaml:8:9: id \"Other\" must be lowercase letters and digits, in words joined by '-'"}},
	{"source id ending in a dash", withSource("  - id: other-\n    url: https://example.com/other\n    title: T.\n"), []string{
		"c.yaml:8:9: id \"other-\" must be lowercase letters and digits, in words joined by '-'"}},
	{"source id with two dashes", withSource("  - id: a--b\n    url: https://example.com/other\n    title: T.\n"), []string{
		"c.yaml:8:9: id \"a--b\" must be lowercase letters and digits, in words joined by '-'"}},
	{"duplicate source", withSource("  - id: doc\n    url: https://example.com/other\n    title: T.\n"), []string{
		`c.yaml:8:9: duplicate source "doc" (first at 5:9)`}},
	{"unused source", withSource("  - id: other\n    url: https://example.com/other\n    title: T.\n"), []string{
		`c.yaml:8:9: source "other" is declared and not used`}},
	{"source url not http", withSource("  - id: other\n    url: ftp://example.com/x\n    title: T.\n"), []string{
		`c.yaml:9:10: url "ftp://example.com/x"` + urlRule}},
	{"source url without a host", withSource("  - id: other\n    url: https:///x\n    title: T.\n"), []string{
		`c.yaml:9:10: url "https:///x"` + urlRule}},
	{"source url with a space", withSource("  - id: other\n    url: https://example.com/a b\n    title: T.\n"), []string{
		`c.yaml:9:10: url "https://example.com/a b"` + urlRule}},
	{"source url with a bar", withSource("  - id: other\n    url: https://example.com/a|b\n    title: T.\n"), []string{
		`c.yaml:9:10: url "https://example.com/a|b"` + urlRule}},
	{"source url with angle brackets", withSource("  - id: other\n    url: https://example.com/<a>\n    title: T.\n"), []string{
		`c.yaml:9:10: url "https://example.com/<a>"` + urlRule}},
	{"source url null", withSource("  - id: other\n    url: ~\n    title: T.\n"), []string{
		`c.yaml:9:10: url must be a string`}},
	{"missing source title", withSource("  - id: other\n    url: https://example.com/other\n"), []string{
		`c.yaml:8:5: missing key "title" in source`}},
	{"source title with a bidi control", withSource("  - id: other\n    url: https://example.com/other\n    title: \"a\\u2066b\"\n"), []string{
		`c.yaml:10:12: title has control character U+2066`}},

	{"missing families", withKey("    families: [COS]\n", ""), []string{
		"c.yaml:27:5: missing key \"families\" in code"}},
	{"families of a code not a list", withKey("families: [COS]", "families: COS"), []string{`c.yaml:31:15: families must be a list`}},
	{"families empty", withKey("families: [COS]", "families: []"), []string{
		"c.yaml:31:15: families list is empty"}},
	{"unknown family", withKey("families: [COS]", "families: [COS, CI]"), []string{
		"c.yaml:31:21: unknown family \"CI\""}},
	{"family listed twice", withKey("families: [COS]", "families: [COS, COS]"), []string{
		"c.yaml:31:21: family COS listed twice"}},
	{"family not a string", withKey("families: [COS]", "families: [COS, [CI]]"), []string{
		"c.yaml:31:21: family must be a string"}},
	{"missing sources", withKey("    sources: [doc]\n", ""), []string{
		"c.yaml:27:5: missing key \"sources\" in code"}},
	{"sources empty", withKey("sources: [doc]", "sources: []"), []string{
		"c.yaml:32:14: sources list is empty"}},
	{"unknown source", withKey("sources: [doc]", "sources: [doc, other]"), []string{
		"c.yaml:32:20: unknown source \"other\""}},
	{"source listed twice", withKey("sources: [doc]", "sources: [doc, doc]"), []string{
		"c.yaml:32:20: source doc listed twice"}},

	{"sent_as not a list", withSentAs("    sent_as: NoSuchBucket\n"), []string{
		"c.yaml:32:14: sent_as must be a list"}},
	{"sent_as entry not a mapping", withSentAs("    sent_as: [NoSuchBucket]\n"), []string{
		"c.yaml:32:15: sent_as entry must be a mapping"}},
	{"unknown key in sent_as entry", withSentAs("    sent_as: [{code: NoSuchBucket, message: m, status: 403}]\n"), []string{
		"c.yaml:32:48: unknown key \"status\" in sent_as entry (want one of code, message)"}},
	{"missing sent_as message", withSentAs("    sent_as:\n      - code: NoSuchBucket\n"), []string{
		"c.yaml:33:9: missing key \"message\" in sent_as entry"}},
	{"sent_as code not a string", withSentAs("    sent_as: [{code: [x], message: m}]\n"), []string{
		"c.yaml:32:22: code must be a string"}},
	{"sent_as code not in the catalog", withSentAs("    sent_as:\n      - code: AccessDenied\n        message: m\n"), []string{
		"c.yaml:33:15: sent_as code \"AccessDenied\" is not a code of the catalog"}},
	{"sent_as code an alias", withCodes(edit(codeYAML, "    status", "    aliases: [NoSuchBuckt]\n    status") +
		edit(keyYAML, "    sources", "    sent_as:\n      - code: NoSuchBuckt\n        message: m\n    sources")), []string{
		"c.yaml:34:15: sent_as code \"NoSuchBuckt\" is an alias of \"NoSuchBucket\"; write the code's own spelling"}},
	{"sent_as code the entry itself", withSentAs("    sent_as:\n      - code: NoSuchKey\n        message: m\n"), []string{
		"c.yaml:33:15: sent_as code \"NoSuchKey\" is the entry itself"}},
	{"sent_as message empty", withSentAs("    sent_as:\n      - code: NoSuchBucket\n        message: \"  \"\n"), []string{
		"c.yaml:34:18: message is empty"}},
	{"sent_as message on two lines", withSentAs("    sent_as:\n      - code: NoSuchBucket\n        message: \"a\\nb\"\n"), []string{
		"c.yaml:34:18: message has non-printable character U+000A"}},
	{"sent_as message with a tab", withSentAs("    sent_as:\n      - code: NoSuchBucket\n        message: \"a\\tb\"\n"), []string{
		"c.yaml:34:18: message has non-printable character U+0009"}},
	{"duplicate sent_as in one entry", withSentAs("    sent_as: [{code: NoSuchBucket, message: m}, {code: NoSuchBucket, message: \" m \"}]\n"), []string{
		"c.yaml:32:79: duplicate sent_as \"NoSuchBucket\" with message \"m\" (first at 32:45)"}},
	{"duplicate sent_as in two entries", withCodes(codeYAML +
		edit(keyYAML, "    sources", "    sent_as: [{code: NoSuchBucket, message: m}]\n    sources") +
		edit(strings.ReplaceAll(keyYAML, "NoSuchKey", "NoSuchUpload"), "    sources", "    sent_as: [{code: NoSuchBucket, message: m}]\n    sources")), []string{
		"c.yaml:41:45: duplicate sent_as \"NoSuchBucket\" with message \"m\" (first at 32:45)"}},
}

// TestSentAsAcrossCodes checks that the same message may refine two
// codes, and two messages the same code.
func TestSentAsAcrossCodes(t *testing.T) {
	src := withCodes(edit(codeYAML, "    sources", "    sent_as: [{code: NoSuchKey, message: m}]\n    sources") +
		edit(keyYAML, "    sources", "    sent_as: [{code: NoSuchBucket, message: m}, {code: NoSuchBucket, message: n}]\n    sources"))
	c, err := gen.Load("c.yaml", []byte(src))
	require.NoError(t, err)
	var got []string
	for _, k := range c.Codes {
		for _, s := range k.SentAs {
			got = append(got, s.Code+" "+s.Message+" -> "+k.Code)
		}
	}
	assert.Equal(t, []string{"NoSuchKey m -> NoSuchBucket", "NoSuchBucket m -> NoSuchKey", "NoSuchBucket n -> NoSuchKey"}, got)
}

// TestRealCatalogRules checks what the catalog's own rules say of the real
// catalog: every code has a family and a source, and the codes whose
// wire spelling COS also sends as a message are set up as such.
func TestRealCatalogRules(t *testing.T) {
	c := loadReal(t)
	byCode := map[string]*gen.Code{}
	for _, k := range c.Codes {
		byCode[k.Code] = k
		assert.NotEmpty(t, k.Families, k.Code)
		assert.NotEmpty(t, k.Sources, k.Code)
		assert.False(t, strings.EqualFold(k.Code, "NoSuchResource"), "NoSuchResource is the Python SDK's, not COS's")
	}
	expired := byCode["Request has expired"]
	require.NotNil(t, expired)
	assert.Equal(t, []gen.SentAs{{Code: "AccessDenied", Message: "Request has expired", Pos: expired.SentAs[0].Pos}}, expired.SentAs)
	assert.True(t, expired.ClockSkew)
	assert.True(t, byCode["RequestTimeTooSkewed"].ClockSkew)
}
