package gen_test

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
)

// FuzzLoad feeds Load arbitrary bytes. Load must never panic; an error must
// be a non-empty gen.ErrorList, sorted, every entry positioned in the file
// it was given; a catalog it accepts must render, to Go that type-checks
// and to Markdown whose tables keep their shape. (Load and the renderers
// do no I/O: TestNoIO.) It is seeded with fuzzSeeds; testdata/fuzz/FuzzLoad
// holds only inputs the fuzzer itself found.
func FuzzLoad(f *testing.F) {
	for _, src := range fuzzSeeds(f) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := gen.Load("fuzz.yaml", src)
		if err != nil {
			assert.Nil(t, c)
			var list gen.ErrorList
			require.True(t, errors.As(err, &list), "Load error %T %q is no gen.ErrorList", err, err)
			require.NotEmpty(t, list)
			for i, e := range list {
				require.NotNil(t, e)
				assert.Equal(t, "fuzz.yaml", e.Pos.File, "%v", e)
				assert.GreaterOrEqual(t, e.Pos.Line, 1, "%v", e)
				assert.GreaterOrEqual(t, e.Pos.Col, 0, "%v", e) // 0: a syntax error at the parser's line
				assert.NotEmpty(t, e.Msg, "%v", e)
				if i > 0 {
					p, q := list[i-1].Pos, e.Pos
					assert.True(t, p.Line < q.Line || p.Line == q.Line && p.Col <= q.Col, "%v before %v", list[i-1], e)
				}
			}
			return
		}
		require.NotNil(t, c)
		goSrc, err := gen.RenderGo(c, "coserr")
		require.NoError(t, err, "RenderGo of a catalog Load accepted")
		require.NoError(t, typeCheck(goSrc), "the Go output does not type-check:\n%s", goSrc)
		checkMarkdown(t, c, gen.RenderMarkdown(c))
	})
}

// FuzzLoadText fuzzes the free text of one code: its wire spelling, an
// alias and its description (also its class's), each written as a YAML
// double-quoted scalar so that any string reaches Load. Load must refuse
// the catalog with positioned errors or render every text intact: the Go
// literals equal to it, the Markdown cells showing it.
func FuzzLoadText(f *testing.F) {
	f.Add("NoSuchKey", "NoSuchKee", "The key does not exist.")
	f.Add("no such key", "No|Such", "a\x00b")
	for _, text := range trickyTexts {
		f.Add("Request has expired", "request-expired", text)
	}
	f.Fuzz(func(t *testing.T, code, alias, desc string) {
		code, alias, desc = strings.ToValidUTF8(code, "\uFFFD"), strings.ToValidUTF8(alias, "\uFFFD"), strings.ToValidUTF8(desc, "\uFFFD")
		q := strconv.Quote(desc)
		src := "families:\n  - name: COS\n    description: " + q + "\n" +
			"sources:\n  - id: doc\n    url: https://example.com/doc\n    title: " + q + "\n" +
			"classes:\n  - name: NotFound\n    description: " + q + "\n    hints: [{cause: " + q + ", fix: Look., sources: [doc]}]\n" + otherClasses +
			"codes:\n  - code: " + strconv.Quote(code) + "\n    name: NoSuchKey\n    aliases: [" + strconv.Quote(alias) + "]\n" +
			"    status: 404\n    class: NotFound\n    retryable: false\n    families: [COS]\n    sources: [doc]\n" +
			"    description: " + q + "\n    hints: [{cause: Gone., fix: " + q + ", sources: [doc]}]\n"
		c, err := gen.Load("fuzz.yaml", []byte(src))
		if err != nil {
			var list gen.ErrorList
			require.True(t, errors.As(err, &list), "Load error %T %q is no gen.ErrorList", err, err)
			for _, e := range list {
				assert.True(t, e.Pos.File == "fuzz.yaml" && e.Pos.Line >= 1 && e.Pos.Col >= 0, "%v", e)
			}
			return
		}
		goSrc, err := gen.RenderGo(c, "coserr")
		require.NoError(t, err, "RenderGo of a catalog Load accepted")
		require.NoError(t, typeCheck(goSrc))
		specs := goSpecs(t, goSrc)
		assert.Equal(t, code, stringField(t, specs, "NoSuchKey", "name"))
		assert.Equal(t, strings.TrimSpace(desc), stringField(t, specs, "NoSuchKey", "description"))
		md := gen.RenderMarkdown(c)
		checkMarkdown(t, c, md)
		row := markdownRows(t, md)["NoSuchKey"]
		require.Len(t, row, 9)
		assert.Equal(t, "`"+code+"`", row[0])
		assert.Equal(t, "`"+alias+"`", row[6])
		assert.Equal(t, strings.Join(strings.Fields(desc), " "), unescapeMarkdown(row[8]))
	})
}

// checkMarkdown checks that the Markdown output has one table row per
// family, class, code and source, each with the right number of cells.
func checkMarkdown(t *testing.T, c *gen.Catalog, md []byte) {
	t.Helper()
	cells := map[string]int{"## Families": 3, "## Classes": 4, "## Codes": 9, "## Sources": 3}
	rows := map[string]int{}
	section := ""
	for _, line := range strings.Split(string(md), "\n") {
		switch {
		case strings.HasPrefix(line, "## "):
			section = line
		case !strings.HasPrefix(line, "|"):
		case cells[section] == 0:
			t.Errorf("table row %q outside the tables", line)
		default:
			rows[section]++
			assert.Len(t, splitRow(line), cells[section], "row %q", line)
		}
	}
	// Every table has a header row and a delimiter row.
	assert.Equal(t, len(c.Families)+2, rows["## Families"], "family rows")
	assert.Equal(t, len(c.Classes)+2, rows["## Classes"], "class rows")
	assert.Equal(t, len(c.Codes)+2, rows["## Codes"], "code rows")
	assert.Equal(t, len(c.Sources)+2, rows["## Sources"], "source rows")
}

// fuzzSeeds returns FuzzLoad's seeds: snippets of the real catalog, the
// golden and tricky catalogs, the valid shapes, every bad catalog of the
// Load tests and every syntax fault.
func fuzzSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	var seeds [][]byte
	add := func(src string) { seeds = append(seeds, []byte(src)) }
	realSrc, err := os.ReadFile("../catalog.yaml")
	require.NoError(tb, err)
	head, codes, ok := strings.Cut(string(realSrc), "\ncodes:\n")
	require.True(tb, ok)
	entries := strings.SplitAfter(codes, "\n  - code:")
	add(head + "\ncodes: []\n")
	add(head + "\ncodes:\n" + strings.TrimSuffix(strings.Join(entries[:6], ""), "\n  - code:"))
	for _, want := range []string{"aliases:", "name:", "status: [", "why:", "sent_as:"} {
		for i := 1; i < len(entries); i++ {
			if strings.Contains(entries[i], want) {
				add(head + "\ncodes:\n  - code:" + strings.TrimSuffix(entries[i], "\n  - code:"))
				break
			}
		}
	}
	_, golden := goldenArchive(tb)
	add(string(golden))
	add(trickyCatalog())
	for _, tt := range validShapes {
		add(tt.src)
	}
	for _, tt := range allBadCatalogs() {
		add(tt.src)
	}
	return seeds
}

// otherClasses are the classes of classLines but NotFound.
var otherClasses = strings.Replace(classLines(9), strings.SplitAfter(classLines(5), "\n")[4], "", 1)

// hint is a flow-style hints key with a hint of its own for n.
func hint(n string) string {
	return fmt.Sprintf("hints: [{cause: Cause %s., fix: Fix %s., sources: [doc]}]", n, n)
}

// validShapes are valid catalogs written in the less usual ways YAML
// allows, which Load must accept and render.
var validShapes = []struct{ name, src string }{
	{"flow style", `{families: [{name: COS, description: "The XML API, [in] {short}."}],
 sources: [{id: doc, url: "https://example.com/doc?a=[1]", title: 'It''s: a page.'}],
 classes: [{name: NotFound, description: "Nothing, [there].", ` + hint("nf") + `},
` + strings.ReplaceAll(strings.TrimSuffix(strings.ReplaceAll(otherClasses, "  - {", "  {"), "\n"), "\n", ",\n") + `],
 codes: [
  {code: NoSuchKey, status: [404, 400], class: NotFound, retryable: false, families: [COS],
   sent_as: [{code: Other, message: "It's: [gone]"}], sources: [doc], description: 'It''s gone: {really}.', ` + hint("1") + `},
  {code: Other, status: [], class: NotFound, retryable: false, families: [COS], sources: [doc], description: "{}", ` + hint("2") + `}]}
`},
	{"block scalars", preamble + `  - name: Missing
    description: >-
      Nothing "there
      [at all {
    hints:
      - cause: |
          Gone.
        fix: >
          Look
          elsewhere.
        sources: [doc]
codes:
  - code: NoSuchKey
    status: 404
    class: Missing
    retryable: false
    families: [COS]
    sources: [doc]
    description: |+
      It's "gone' ] }

    ` + hint("1") + `
  - code: SlowDown
    status: 503
    class: Throttled
    retryable: true
    why: >
      A "passing' [overload].
    families: [COS]
    sources: [doc]
    description: Slow.
    ` + hint("2") + `
`},
	{"document markers and tags", `%YAML 1.1
---
families: [{name: !!str COS, description: !!str The XML API.}]
sources: [{id: !!str doc, url: !!str "https://example.com/doc", title: !!str A page.}]
classes:
  - name: !!str NotFound
    description: !!str Nothing there.
    hints: [{cause: !!str Gone., fix: !!str Look., sources: [!!str doc]}]
` + otherClasses + `codes:
  - code: "NoSuchKey"
    status: !!int 404
    class: NotFound
    retryable: !!bool true
    why: !!str 'A reason.'
    families: [!!str COS]
    clock_skew: !!bool false
    sources: [doc]
    description: 'Gone.'
    ` + hint("1") + `
...
`},
	{"CRLF and plain multi-line scalars", "families: []\r\nsources: [{id: doc, url: \"https://example.com/doc\", title: A page.}]\r\n" +
		"classes:\r\n  - name: NotFound\r\n    description: Nothing\r\n      there [at\r\n      all.\r\n    " + hint("nf") + "\r\n" +
		strings.ReplaceAll(otherClasses, "\n", "\r\n") + "codes: []\r\n"},
	{"unicode names and text", strings.Replace(preamble, "The XML API.", "Rien ici — 什么都没有.", 1) + `  - name: Ñotfound
    description: Rien ici — 什么都没有.
    hints: [{cause: Rien — 什么., fix: Cherchez — 找., sources: [doc]}]
codes:
  - code: u-umlaut
    name: Ü
    status: 404
    class: Ñotfound
    retryable: false
    families: [COS]
    sent_as: [{code: u-umlaut2, message: 请求已过期}]
    sources: [doc]
    description: "Weg\u2028ist es."
    ` + hint("1") + `
  - code: u-umlaut2
    name: Ü2
    status: 404
    class: Ñotfound
    retryable: false
    families: [COS]
    sources: [doc]
    description: Auch weg.
    ` + hint("2") + `
`},
}

// TestValidShapes checks that Load accepts valid YAML written in unusual
// ways, and that it renders.
func TestValidShapes(t *testing.T) {
	for _, tt := range validShapes {
		t.Run(tt.name, func(t *testing.T) {
			c, err := gen.Load("c.yaml", []byte(tt.src))
			require.NoError(t, err)
			require.NotEmpty(t, c.Classes)
			goSrc, err := gen.RenderGo(c, "coserr")
			require.NoError(t, err)
			require.NoError(t, typeCheck(goSrc))
			checkMarkdown(t, c, gen.RenderMarkdown(c))
		})
	}
}
