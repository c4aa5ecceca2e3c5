package gen

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/cosgo/errcatalog/internal/statusrule"
)

// Explain says what query means in the catalog, as text for a terminal.
// It does no I/O.
//
// A query of digits is an HTTP status from 300 to 599: Explain lists
// every code COS sends with it, those whose primary status it is first,
// then the class and retry rule coserr applies to an error with that
// status whose code is empty or unknown. Otherwise the query is a code's
// wire spelling, one of its aliases or its Go name (a "coserr." prefix is
// allowed), and Explain gives the code's families, statuses, class,
// retryability and why, aliases, how else COS sends it, whether it means
// clock skew, its sources and its description; or it is a class name (or
// its Go name, ErrNotFound) or a family name, and Explain lists its codes.
// Names match exactly, as coserr.Lookup does.
//
// For a name that matches nothing, Explain returns an error that suggests
// the nearest names by edit distance, compared without regard to case,
// over every wire spelling, alias, Go name, class and family. For a status
// outside 300..599, it returns an error saying so.
func Explain(c *Catalog, query string) (string, error) {
	q := strings.TrimPrefix(strings.TrimSpace(query), "coserr.")
	if isDigits(q) {
		st, err := strconv.Atoi(q)
		if err != nil || st < minStatus || st > maxStatus {
			return "", fmt.Errorf("status %s is not an error status; want %d..%d", q, minStatus, maxStatus)
		}
		return explainStatus(c, st), nil
	}
	for _, k := range c.Codes {
		if q == k.Code || q == k.Name || slices.Contains(k.Aliases, q) {
			return explainCode(c, q, k), nil
		}
	}
	for _, cl := range c.Classes {
		if q == cl.Name || q == cl.GoName() {
			return explainGroup(c, fmt.Sprintf("class %s (coserr.%s)", cl.Name, cl.GoName()), cl.Description,
				func(k *Code) bool { return k.Class == cl.Name }), nil
		}
	}
	for _, f := range c.Families {
		if q == f.Name {
			return explainGroup(c, "family "+f.Name, f.Description,
				func(k *Code) bool { return slices.Contains(k.Families, f.Name) }), nil
		}
	}
	return "", &unknownError{Query: query, Suggestions: suggest(c, q)}
}

// explainCode describes one code; q is how the query named it.
func explainCode(c *Catalog, q string, k *Code) string {
	var b bytes.Buffer
	switch {
	case slices.Contains(k.Aliases, q):
		fmt.Fprintf(&b, "%s is an alias of %s: COS has sent both spellings.\n\n", q, k.Code)
	case q != k.Code:
		fmt.Fprintf(&b, "%s is the Go name of the code %q.\n\n", q, k.Code)
	}
	b.WriteString(k.Code + "\n")
	w := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	row := func(label, value string) { fmt.Fprintf(w, "  %s\t%s\n", label, value) }
	row("go name:", "coserr."+k.Name)
	row("families:", strings.Join(k.Families, ", "))
	switch {
	case len(k.Statuses) == 0:
		row("status:", "unknown (no source documents one)")
	case len(k.Statuses) == 1:
		row("status:", strconv.Itoa(k.Statuses[0]))
	default:
		row("status:", fmt.Sprintf("%s (%d primary)", joinInts(k.Statuses, ", "), k.Statuses[0]))
	}
	row("class:", fmt.Sprintf("%s (coserr.Err%s)", k.Class, k.Class))
	retry := yesNo(k.Retryable)
	switch {
	case k.Why != "":
		retry += " (" + k.Why + ")"
	case len(k.Statuses) > 0 && statusrule.Retryable(k.Statuses[0]) == k.Retryable:
		retry += " (" + statusrule.Reason(k.Statuses[0]) + ")"
	}
	row("retryable:", retry)
	row("aliases:", cmp.Or(strings.Join(k.Aliases, ", "), "none"))
	for _, s := range k.SentAs {
		row("COS sends it as:", fmt.Sprintf("%s with message %q", s.Code, s.Message))
	}
	for _, r := range c.Codes {
		for _, s := range r.SentAs {
			if s.Code == k.Code {
				row("refined by:", fmt.Sprintf("%s (coserr.%s) when the message is %q", r.Code, r.Name, s.Message))
			}
		}
	}
	if k.ClockSkew {
		row("clock skew:", "yes: it means that the local clock is wrong")
	}
	for i, id := range k.Sources {
		label := ""
		if i == 0 {
			label = "sources:"
		}
		for _, s := range c.Sources {
			if s.ID == id {
				row(label, s.ID+" "+s.URL)
			}
		}
	}
	row("description:", oneLine(k.Description))
	w.Flush()
	return b.String()
}

// explainStatus lists the codes sent with status st, primary ones first,
// and the rule for an error with that status and no known code.
func explainStatus(c *Catalog, st int) string {
	var primary, secondary []*Code
	for _, k := range c.Codes {
		switch i := slices.Index(k.Statuses, st); {
		case i == 0:
			primary = append(primary, k)
		case i > 0:
			secondary = append(secondary, k)
		}
	}
	list := append(primary, secondary...)
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP %d", st)
	if t := http.StatusText(st); t != "" {
		fmt.Fprintf(&b, " %s", t)
	}
	if len(list) == 0 {
		b.WriteString(": no code of the catalog has this status\n\n")
	} else {
		fmt.Fprintf(&b, ": %d %s\n\n", len(list), plural(len(list), "code"))
		codeTable(&b, list)
		b.WriteString("\n")
	}
	class := statusrule.Class(st)
	fmt.Fprintf(&b, "A code-less or unknown-code error with status %d: class %s (coserr.Err%s), retryable %s (%s).\n",
		st, class, class, yesNo(statusrule.Retryable(st)), statusrule.Reason(st))
	return b.String()
}

// explainGroup describes a class or a family and lists the codes in it.
func explainGroup(c *Catalog, title, description string, in func(*Code) bool) string {
	var list []*Code
	for _, k := range c.Codes {
		if in(k) {
			list = append(list, k)
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s: %s\n\n", title, oneLine(description))
	fmt.Fprintf(&b, "%d %s\n", len(list), plural(len(list), "code"))
	if len(list) > 0 {
		b.WriteString("\n")
		codeTable(&b, list)
	}
	return b.String()
}

// codeTable writes one aligned line per code.
func codeTable(out io.Writer, list []*Code) {
	w := tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "CODE\tSTATUS\tCLASS\tRETRYABLE\tFAMILIES\tDESCRIPTION")
	for _, k := range list {
		status := cmp.Or(joinInts(k.Statuses, ", "), "unknown")
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", k.Code, status, k.Class, yesNo(k.Retryable),
			strings.Join(k.Families, ", "), oneLine(k.Description))
	}
	w.Flush()
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
