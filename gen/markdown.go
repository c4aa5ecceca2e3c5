package gen

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// renderMarkdown renders the catalog as a Markdown reference: the
// families, the classes, one table row per code tagged with its families
// and showing every way COS sends it, and the sources. It does no I/O and
// is deterministic.
func renderMarkdown(c *Catalog) []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	retryable, aliases, refined := 0, 0, 0
	var skew []string
	for _, k := range c.Codes {
		if k.Retryable {
			retryable++
		}
		aliases += len(k.Aliases)
		refined += len(k.SentAs)
		if k.ClockSkew {
			skew = append(skew, "`"+k.Code+"`")
		}
	}

	p("<!-- %s -->\n\n", strings.TrimPrefix(header, "// "))
	p("# COS error codes\n\n")
	p("%d codes (%d retryable), %d aliases, %d sent inside another code, %d classes, %d families, %d sources. ",
		len(c.Codes), retryable, aliases, refined, len(c.Classes), len(c.Families), len(c.Sources))
	p("Each code is a sentinel in package `coserr`: `errors.Is(err, coserr.NoSuchBucket)`; ")
	p("each class is an `Err` variable: `errors.Is(err, coserr.ErrNotFound)`.\n\n")

	p("## Families\n\n")
	p("| Family | Codes | Sends |\n|---|---|---|\n")
	for _, f := range c.Families {
		n := 0
		for _, k := range c.Codes {
			if slices.Contains(k.Families, f.Name) {
				n++
			}
		}
		p("| %s | %d | %s |\n", f.Name, n, cell(f.Description))
	}

	p("\n## Classes\n\n")
	p("| Class | Go | Codes | Meaning |\n|---|---|---|---|\n")
	for _, cl := range c.Classes {
		n := 0
		for _, k := range c.Codes {
			if k.Class == cl.Name {
				n++
			}
		}
		p("| %s | `coserr.%s` | %d | %s |\n", cl.Name, cl.GoName(), n, cell(cl.Description))
	}

	p("\n## Codes\n\n")
	p("The first status listed is the code's primary one; \"unknown\" means no source documents one. ")
	p("\"Also sent as\" lists the other spellings COS has sent and the codes COS sends the cause inside, ")
	p("with the message that names it: such an error matches both sentinels.")
	if len(skew) > 0 {
		p(" These codes mean that the local clock is wrong: %s.", orList(skew, "and"))
	}
	p("\n\n")
	p("| Code | Go | Status | Class | Retryable | Families | Also sent as | Sources | Description |\n")
	p("|---|---|---|---|---|---|---|---|---|\n")
	for _, k := range c.Codes {
		status := "unknown"
		if len(k.Statuses) > 0 {
			status = joinInts(k.Statuses, ", ")
		}
		retry := yesNo(k.Retryable)
		if k.Why != "" {
			retry += " (" + cell(k.Why) + ")"
		}
		var also []string
		for _, a := range k.Aliases {
			also = append(also, "`"+a+"`")
		}
		for _, s := range k.SentAs {
			also = append(also, fmt.Sprintf("`%s` with message \"%s\"", s.Code, cell(s.Message)))
		}
		var srcs []string
		for _, s := range k.Sources {
			srcs = append(srcs, "`"+s+"`")
		}
		p("| `%s` | `coserr.%s` | %s | %s | %s | %s | %s | %s | %s |\n",
			k.Code, k.Name, status, k.Class, retry, strings.Join(k.Families, ", "),
			strings.Join(also, ", "), strings.Join(srcs, ", "), cell(k.Description))
	}

	p("\n## Sources\n\n")
	p("| Source | Title | URL |\n|---|---|---|\n")
	for _, s := range c.Sources {
		p("| `%s` | %s | <%s> |\n", s.ID, cell(s.Title), s.URL)
	}
	return b.Bytes()
}

var cellEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`)

// cell makes a text safe for one Markdown table cell: white space folded
// onto one line, a vertical bar escaped so that it does not end the cell,
// and a backslash escaped so that it shows and cannot escape that bar.
func cell(s string) string {
	return cellEscaper.Replace(oneLine(s))
}
