package gen

import (
	"bytes"
	"fmt"
	"strings"
)

// RenderMarkdown renders the catalog as a Markdown reference: the classes,
// then one table row per code. It does no I/O and is deterministic.
func RenderMarkdown(c *Catalog) []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	retryable, aliases := 0, 0
	for _, k := range c.Codes {
		if k.Retryable {
			retryable++
		}
		aliases += len(k.Aliases)
	}

	p("<!-- %s -->\n\n", strings.TrimPrefix(Header, "// "))
	p("# COS error codes\n\n")
	p("%d codes (%d retryable), %d aliases, %d classes. ", len(c.Codes), retryable, aliases, len(c.Classes))
	p("Each code is a sentinel in package `coserr`: `errors.Is(err, coserr.NoSuchBucket)`; ")
	p("each class is an `Err` variable: `errors.Is(err, coserr.ErrNotFound)`. ")
	p("The first status listed is the code's primary one.\n\n")

	p("## Classes\n\n")
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
	p("| Code | Go | Status | Class | Retryable | Aliases | Description |\n|---|---|---|---|---|---|---|\n")
	for _, k := range c.Codes {
		retry := "no"
		if k.Retryable {
			retry = "yes"
		}
		var as []string
		for _, a := range k.Aliases {
			as = append(as, "`"+a+"`")
		}
		p("| `%s` | `coserr.%s` | %s | %s | %s | %s | %s |\n",
			k.Code, k.Name, joinInts(k.Statuses), k.Class, retry, strings.Join(as, ", "), cell(k.Description))
	}
	return b.Bytes()
}

var cellEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`)

// cell makes a text safe for one Markdown table cell: white space folded
// onto one line, a vertical bar escaped so that it does not end the cell,
// and a backslash escaped so that it shows and cannot escape that bar.
func cell(s string) string {
	return cellEscaper.Replace(commentText(s))
}
