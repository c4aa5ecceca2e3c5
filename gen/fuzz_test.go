package gen_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
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
// do no I/O: TestNoIO.) The seed corpus is testdata/fuzz/FuzzLoad: the
// seed-* files come from fuzzSeeds (TestFuzzSeeds), the others are inputs
// the fuzzer once found failing.
func FuzzLoad(f *testing.F) {
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
				assert.GreaterOrEqual(t, e.Pos.Col, 1, "%v", e)
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
		src := "classes:\n  - name: NotFound\n    description: " + strconv.Quote(desc) + "\n" +
			"codes:\n  - code: " + strconv.Quote(code) + "\n    name: NoSuchKey\n    aliases: [" + strconv.Quote(alias) + "]\n" +
			"    status: 404\n    class: NotFound\n    retryable: false\n    description: " + strconv.Quote(desc) + "\n"
		c, err := gen.Load("fuzz.yaml", []byte(src))
		if err != nil {
			var list gen.ErrorList
			require.True(t, errors.As(err, &list), "Load error %T %q is no gen.ErrorList", err, err)
			for _, e := range list {
				assert.True(t, e.Pos.File == "fuzz.yaml" && e.Pos.Line >= 1 && e.Pos.Col >= 1, "%v", e)
			}
			return
		}
		goSrc, err := gen.RenderGo(c, "coserr")
		require.NoError(t, err, "RenderGo of a catalog Load accepted")
		require.NoError(t, typeCheck(goSrc))
		spec := goSpecs(t, goSrc)["NoSuchKey"]
		require.NotNil(t, spec)
		assert.Equal(t, code, stringField(t, spec, "name"))
		assert.Equal(t, strings.TrimSpace(desc), stringField(t, spec, "description"))
		md := gen.RenderMarkdown(c)
		checkMarkdown(t, c, md)
		row := markdownRows(t, md)["NoSuchKey"]
		require.Len(t, row, 7)
		assert.Equal(t, "`"+code+"`", row[0])
		assert.Equal(t, "`"+alias+"`", row[5])
		assert.Equal(t, strings.Join(strings.Fields(desc), " "), unescapeMarkdown(row[6]))
	})
}

// checkMarkdown checks that the Markdown output has one table row per
// class and per code, each with the right number of cells.
func checkMarkdown(t *testing.T, c *gen.Catalog, md []byte) {
	t.Helper()
	section, classRows, codeRows := "", 0, 0
	for _, line := range strings.Split(string(md), "\n") {
		switch {
		case strings.HasPrefix(line, "## "):
			section = line
		case !strings.HasPrefix(line, "|") || strings.HasPrefix(line, "|---") || strings.HasPrefix(line, "| Class |") || strings.HasPrefix(line, "| Code |"):
		case section == "## Classes":
			classRows++
			assert.Len(t, splitRow(line), 4, "class row %q", line)
		case section == "## Codes":
			codeRows++
			assert.Len(t, splitRow(line), 7, "code row %q", line)
		default:
			t.Errorf("table row %q outside the tables", line)
		}
	}
	assert.Equal(t, len(c.Classes), classRows, "class rows")
	assert.Equal(t, len(c.Codes), codeRows, "code rows")
}

// fuzzSeeds returns FuzzLoad's seeds by name: snippets of the real
// catalog, the golden and tricky catalogs, every bad catalog of the Load
// tests and every syntax fault.
func fuzzSeeds(t *testing.T) map[string][]byte {
	t.Helper()
	seeds := map[string][]byte{}
	add := func(name, src string) {
		name = "seed-" + strings.Trim(regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(name), "-"), "-")
		require.NotContains(t, seeds, name)
		seeds[name] = []byte(src)
	}
	realSrc, err := os.ReadFile("../catalog.yaml")
	require.NoError(t, err)
	head, codes, ok := strings.Cut(string(realSrc), "\ncodes:\n")
	require.True(t, ok)
	entries := strings.SplitAfter(codes, "\n  - code:")
	add("real classes", head+"\ncodes: []\n")
	add("real first codes", head+"\ncodes:\n"+strings.TrimSuffix(strings.Join(entries[:6], ""), "\n  - code:"))
	for _, want := range []string{"aliases:", "name:", "status: ["} {
		for i := 1; i < len(entries); i++ {
			if strings.Contains(entries[i], want) {
				add("real code with "+want, head+"\ncodes:\n  - code:"+strings.TrimSuffix(entries[i], "\n  - code:"))
				break
			}
		}
	}
	_, golden := goldenArchive(t)
	add("golden", string(golden))
	add("tricky", trickyCatalog())
	for _, tt := range validShapes {
		add("shape "+tt.name, tt.src)
	}
	for _, tt := range badCatalogs {
		add("bad "+tt.name, tt.src)
	}
	for _, tt := range syntaxCases {
		add("syntax "+tt.name, tt.src)
	}
	return seeds
}

const seedDir = "testdata/fuzz/FuzzLoad"

// TestFuzzSeeds checks that testdata/fuzz/FuzzLoad holds every seed of
// fuzzSeeds, in the go test fuzz v1 format; -update rewrites them.
func TestFuzzSeeds(t *testing.T) {
	seeds := fuzzSeeds(t)
	if *update {
		old, err := filepath.Glob(filepath.Join(seedDir, "seed-*"))
		require.NoError(t, err)
		for _, f := range old {
			require.NoError(t, os.Remove(f))
		}
		require.NoError(t, os.MkdirAll(seedDir, 0o755))
		for name, src := range seeds {
			require.NoError(t, os.WriteFile(filepath.Join(seedDir, name), corpusEntry(src), 0o644))
		}
	}
	files, err := filepath.Glob(filepath.Join(seedDir, "seed-*"))
	require.NoError(t, err)
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	for name, src := range seeds {
		t.Run(name, func(t *testing.T) {
			got, err := os.ReadFile(filepath.Join(seedDir, name))
			require.NoError(t, err, "run go test ./gen -run TestFuzzSeeds -update")
			assert.Equal(t, string(corpusEntry(src)), string(got), "stale seed; run go test ./gen -run TestFuzzSeeds -update")
		})
	}
	assert.Len(t, names, len(seeds), "seed files %v", names)
}

// corpusEntry encodes src as a go test fuzz v1 corpus file.
func corpusEntry(src []byte) []byte {
	return []byte("go test fuzz v1\n[]byte(" + strconv.Quote(string(src)) + ")\n")
}

// validShapes are valid catalogs written in the less usual ways YAML
// allows, which the pre-scan must read right and Load must accept.
var validShapes = []struct{ name, src string }{
	{"flow style", `{classes: [{name: NotFound, description: "Nothing, [there]."}], codes: [
  {code: NoSuchKey, status: [404, 400], class: NotFound, retryable: false,
   description: 'It''s gone: {really}.'}]}
`},
	{"comments with quotes and brackets", `# "unclosed [ { '
classes: # 'also "unclosed
  - name: NotFound   # [
    description: Nothing there. # }
codes: [] # "
`},
	{"block scalars with quotes and brackets", `classes:
  - name: NotFound
    description: >-
      Nothing "there
      [at all {
codes:
  - code: NoSuchKey
    status: 404
    class: NotFound
    retryable: false
    description: |+
      It's "gone' ] }

  - code: SlowDown
    status: 503
    class: NotFound
    retryable: true
    description: Slow.
`},
	{"document markers and tags", `%YAML 1.1
---
classes:
  - name: !!str NotFound
    description: !!str Nothing there.
codes:
  - code: "NoSuchKey"
    status: !!int 404
    class: NotFound
    retryable: !!bool true
    description: 'Gone.'
...
`},
	{"CRLF and plain multi-line scalars", "classes:\r\n  - name: NotFound\r\n    description: Nothing\r\n      there [at\r\n      all.\r\ncodes: []\r\n"},
	{"unicode names and text", `classes:
  - name: Ñotfound
    description: Rien ici — 什么都没有.
codes:
  - code: u-umlaut
    name: Ü
    status: 404
    class: Ñotfound
    retryable: false
    description: "Weg\u2028ist es."
`},
}

// TestValidShapes checks that the pre-scan does not refuse valid YAML
// written in unusual ways, and that it renders.
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
