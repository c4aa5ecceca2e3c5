package gen_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
)

// syntaxBase is a valid catalog whose lines the syntax cases break. Its
// second code has a flow list over lines 28-29 and a block scalar with a
// quote and a bracket over lines 34-36, its first a quoted scalar over
// lines 25-26: a search that cuts any of them in two fails there. The last
// code is lines 37 to 43.
var syntaxBase = withCodes(
	edit(codeYAML, "The bucket does not exist.", "\"The bucket\n      does not exist.\"") +
		edit(edit(keyYAML, "status: 404", "status: [404,\n      400]"), "The key does not exist.", "|\n      The key \"does not\n      exist [yet.") +
		edit(edit(keyYAML, "NoSuchKey", "NoSuchUpload"), "The key does not exist.", "The upload isn't there."))

// breakLine returns syntaxBase with line n (from 1) replaced by line.
func breakLine(n int, line string) string {
	lines := strings.Split(syntaxBase, "\n")
	lines[n-1] = line
	return strings.Join(lines, "\n")
}

// syntaxCases are YAML syntax faults and where Load must report them.
var syntaxCases = []struct {
	name string
	src  string
	want string
}{
	{"indented too little", breakLine(39, "   class: NotFound"),
		"c.yaml:39:4: syntax error: did not find expected '-' indicator"},
	{"indented too much", breakLine(39, "      class: NotFound"),
		"c.yaml:39:7: syntax error: mapping values are not allowed in this context"},
	{"tab as indentation", breakLine(39, "\tclass: NotFound"),
		"c.yaml:39:1: syntax error: found a tab character that violates indentation"},
	{"unclosed double quote", breakLine(37, `  - code: "NoSuchUpload`),
		"c.yaml:37:11: syntax error: found unexpected end of stream"},
	{"unclosed single quote", breakLine(43, `    description: 'The upload is not there.`),
		"c.yaml:43:18: syntax error: found unexpected end of stream"},
	{"unclosed flow list", breakLine(38, "    status: [404, 400"),
		"c.yaml:38:13: syntax error: did not find expected ',' or ']'"},
	{"unclosed flow mapping", breakLine(38, "    status: {a: 404"),
		"c.yaml:38:13: syntax error: did not find expected ',' or '}'"},
	{"stray colon", breakLine(39, "    class: Not: Found"),
		"c.yaml:39:5: syntax error: mapping values are not allowed in this context"},
	{"stray colon in the last line", breakLine(43, "    description: The upload: gone."),
		"c.yaml:43:5: syntax error: mapping values are not allowed in this context"},
	{"key without a colon", breakLine(40, "    retryable false"),
		"c.yaml:40:5: syntax error: could not find expected ':'"},
	{"bad indentation after the quoted scalar", breakLine(27, " - code: NoSuchKey"),
		"c.yaml:27:2: syntax error: did not find expected key"},
	{"bad last line after a closed quote, no final line break", strings.TrimSuffix(breakLine(43, `   description: "The upload." # gone`), "\n"),
		"c.yaml:43:4: syntax error: did not find expected '-' indicator"},
	{"CRLF line ends", strings.ReplaceAll(breakLine(39, "   class: NotFound"), "\n", "\r\n"),
		"c.yaml:39:4: syntax error: did not find expected '-' indicator"},
}

// TestSyntaxErrorPositions checks that a YAML syntax error is reported on
// the line a person would name, the first at which the file stops
// parsing, and not on the line of the enclosing construct the parser
// names; the multi-line quoted scalar and flow list before the faults must
// not mislead the search.
func TestSyntaxErrorPositions(t *testing.T) {
	for _, tt := range syntaxCases {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErrs(t, tt.src)
			assert.Equal(t, []string{tt.want}, got)
		})
	}
}

// TestSyntaxErrorPositionsBehindQuotedScalars puts a bad line after n
// codes whose descriptions are quoted scalars over three lines. A search
// that tried prefixes ending inside one of them would take its failure
// for the fault and report that line.
func TestSyntaxErrorPositionsBehindQuotedScalars(t *testing.T) {
	for n := 1; n <= 12; n++ {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var b strings.Builder
			b.WriteString(preamble + "codes:\n")
			for i := range n {
				fmt.Fprintf(&b, "  - code: C%d\n    status: 404\n    class: NotFound\n    retryable: false\n"+
					"    families: [COS]\n    sources: [doc]\n    description: \"The bucket\n      does not\n      exist.\"\n", i)
			}
			b.WriteString("  - code: Bad\n    status: 404\n   class: NotFound\n")
			got := loadErrs(t, b.String())
			want := fmt.Sprintf("c.yaml:%d:4: syntax error: did not find expected '-' indicator", 21+9*n)
			assert.Equal(t, []string{want}, got)
		})
	}
}

// TestSyntaxErrorPositionsRealCatalog breaks lines all through the real
// catalog, whose entries the parser sees as one big enclosing list, and
// checks that the error is on the broken line each time.
func TestSyntaxErrorPositionsRealCatalog(t *testing.T) {
	src, err := os.ReadFile("../catalog.yaml")
	require.NoError(t, err)
	lines := strings.Split(string(src), "\n")
	var classLines []int // 0-based
	for i, l := range lines {
		if strings.HasPrefix(l, "    class: ") {
			classLines = append(classLines, i)
		}
	}
	require.NotEmpty(t, classLines)
	faults := []struct {
		name string
		edit func(string) string
		col  int
	}{
		{"indented too little", func(l string) string { return l[1:] }, 4},
		{"tab", func(l string) string { return "\t" + strings.TrimLeft(l, " ") }, 1},
		{"stray colon", func(l string) string { return l + ": x" }, 5},
	}
	step := max(len(classLines)/8, 1)
	for k := 0; k < len(classLines); k += step {
		i := classLines[k]
		for _, f := range faults {
			t.Run(fmt.Sprintf("%s at line %d", f.name, i+1), func(t *testing.T) {
				broken := append([]string(nil), lines...)
				broken[i] = f.edit(broken[i])
				_, err := gen.Load("catalog.yaml", []byte(strings.Join(broken, "\n")))
				var list gen.ErrorList
				require.ErrorAs(t, err, &list)
				require.Len(t, list, 1)
				assert.Equal(t, gen.Pos{File: "catalog.yaml", Line: i + 1, Col: f.col}, list[0].Pos, "%v", list[0])
			})
		}
	}
}

// TestHostile checks that a catalog built to be costly is refused, before
// or right after parsing, with a positioned error.
func TestHostile(t *testing.T) {
	var laughs strings.Builder
	laughs.WriteString(`a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n")
	for i, prev := 0, "a"; i < 9; i++ {
		name := fmt.Sprintf("b%d", i)
		fmt.Fprintf(&laughs, "%s: &%s [%s]\n", name, name, strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ","))
		prev = name
	}
	const deep = 100_000
	tests := []struct {
		name string
		src  string
		want string // the first problem
	}{
		{"billion laughs", laughs.String(), "c.yaml:1:4: anchors are not allowed in a catalog"},
		{"merge key", "classes: &c []\ncodes:\n  <<: *c\n", "c.yaml:1:10: anchors are not allowed in a catalog"},
		{"deep flow lists", "codes: " + strings.Repeat("[", deep) + strings.Repeat("]", deep) + "\n",
			"c.yaml:1:264: nesting deeper than 16 levels"},
		{"deep unclosed flow lists", "codes: " + strings.Repeat("[", deep) + "\n",
			"c.yaml:1:264: nesting deeper than 16 levels"},
		{"deep flow mappings", "codes: " + strings.Repeat("{a: ", deep) + "1" + strings.Repeat("}", deep) + "\n",
			"c.yaml:1:1032: nesting deeper than 16 levels"},
		{"deep block lists", "codes:\n" + strings.Repeat("- ", deep) + "x\n",
			"c.yaml:2:1: syntax error: exceeded max depth of 10000"},
		{"deep shallow-looking block lists", "codes:\n" + strings.Repeat("- ", 20) + "x\n",
			"c.yaml:2:31: nesting deeper than 16 levels"},
		{"over MaxCatalogBytes", strings.Repeat("#", gen.MaxCatalogBytes+1),
			fmt.Sprintf("c.yaml:1:1: catalog is %d bytes; the limit is %d", gen.MaxCatalogBytes+1, gen.MaxCatalogBytes)},
		{"over MaxNodes", "codes: [" + strings.Repeat("x,", gen.MaxNodes) + "]\n",
			fmt.Sprintf("c.yaml:1:%d: more than %d YAML nodes", 9+2*(gen.MaxNodes-2), gen.MaxNodes)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErrs(t, tt.src)
			assert.Equal(t, tt.want, got[0])
		})
	}
}
