package gen

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/cosgo/errcatalog/internal/statusrule"
)

// Explain says what query means in the catalog, for a terminal. An HTTP
// status (300..599) gives the codes COS sends with it, primary ones first,
// and coserr's class and retry rule for an empty or unknown code. A code's
// wire spelling, alias or Go name ("coserr." allowed) gives its facts and
// hints, most likely first; a class or family, its codes (and a class its
// hints). Names match exactly, as coserr.Lookup does; sources are shown by
// id, with urls also by title and URL. A name that matches nothing is an
// error that suggests the nearest names, compared without regard to case.
func Explain(c *Catalog, query string, urls bool) (string, error) {
	q := strings.TrimPrefix(strings.TrimSpace(query), "coserr.")
	if q != "" && strings.Trim(q, "0123456789") == "" {
		st, err := strconv.Atoi(q)
		if err != nil || st < minStatus || st > maxStatus {
			return "", fmt.Errorf("status %s is not an error status; want %d..%d", q, minStatus, maxStatus)
		}
		list := slices.Clone(c.Codes)
		slices.SortStableFunc(list, func(a, b *Code) int { return cmp.Compare(slices.Index(a.Statuses, st), slices.Index(b.Statuses, st)) })
		var b strings.Builder
		fmt.Fprintf(&b, "%s: ", strings.TrimSpace("HTTP "+q+" "+http.StatusText(st)))
		if codeTable(&b, list, func(k *Code) bool { return slices.Contains(k.Statuses, st) }) == 0 {
			b.WriteString("no code of the catalog has this status\n")
		}
		class := statusrule.Class(st)
		fmt.Fprintf(&b, "\nA code-less or unknown-code error with status %d: class %s (coserr.Err%s), retryable %s (%s).\n",
			st, class, class, yesNo(statusrule.Retryable(st)), statusrule.Reason(st))
		return b.String(), nil
	}
	var b strings.Builder
	for _, k := range c.Codes {
		if q == k.Code || q == k.Name || slices.Contains(k.Aliases, q) {
			return explainCode(c, q, k) + explainHints(c, k.Hints, k.Sources, urls), nil
		}
	}
	for _, cl := range c.Classes {
		if q == cl.Name || q == cl.GoName() {
			fmt.Fprintf(&b, "class %s (coserr.%s): %s\n\n", cl.Name, cl.GoName(), oneLine(cl.Description))
			codeTable(&b, c.Codes, func(k *Code) bool { return k.Class == cl.Name })
			return b.String() + explainHints(c, cl.Hints, nil, urls), nil
		}
	}
	for _, f := range c.Families {
		if q == f.Name {
			fmt.Fprintf(&b, "family %s: %s\n\n", f.Name, oneLine(f.Description))
			codeTable(&b, c.Codes, func(k *Code) bool { return slices.Contains(k.Families, f.Name) })
			return b.String(), nil
		}
	}
	return "", unknown(c, query, strings.ToLower(q))
}

// explainCode lists the facts of code k, which q names.
func explainCode(c *Catalog, q string, k *Code) string {
	var b strings.Builder
	switch {
	case slices.Contains(k.Aliases, q):
		fmt.Fprintf(&b, "%s is an alias of %s: COS has sent both spellings.\n\n", q, k.Code)
	case q != k.Code:
		fmt.Fprintf(&b, "%s is the Go name of the code %q.\n\n", q, k.Code)
	}
	b.WriteString(k.Code + "\n")
	row := func(label, value string) { fmt.Fprintf(&b, "  %-17s %s\n", label, value) }
	row("go name:", "coserr."+k.Name)
	row("families:", strings.Join(k.Families, ", "))
	status := cmp.Or(joinInts(k.Statuses), "unknown (no source documents one)")
	if len(k.Statuses) > 1 {
		status += fmt.Sprintf(" (%d primary)", k.Statuses[0])
	}
	row("status:", status)
	row("class:", fmt.Sprintf("%s (coserr.Err%s)", k.Class, k.Class))
	retry := yesNo(k.Retryable)
	if k.Why != "" {
		retry += " (" + oneLine(k.Why) + ")"
	} else if len(k.Statuses) > 0 && statusrule.Retryable(k.Statuses[0]) == k.Retryable {
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
		row("clock skew:", "yes: it can mean that the local clock is wrong")
	}
	if len(k.Checks) > 0 {
		row("diagnose checks:", strings.Join(k.Checks, ", "))
	}
	row("sources:", strings.Join(k.Sources, ", "))
	row("description:", oneLine(k.Description))
	return b.String()
}

// explainHints lists hints, and with urls every source cited, by title and URL.
func explainHints(c *Catalog, hints []Hint, sources []string, urls bool) string {
	var b strings.Builder
	b.WriteString("\nLikely causes, most likely first:\n")
	for i, h := range hints {
		fmt.Fprintf(&b, "\n%2d. %s\n", i+1, oneLine(h.Cause))
		if h.Message != "" {
			fmt.Fprintf(&b, "    When the message is %q.\n", h.Message)
		}
		fmt.Fprintf(&b, "    Fix: %s\n    Sources: %s\n", oneLine(h.Fix), strings.Join(h.Sources, ", "))
		sources = append(sources, h.Sources...)
	}
	switch {
	case urls:
		b.WriteString("\nSources:\n")
		for _, s := range c.Sources {
			if slices.Contains(sources, s.ID) {
				fmt.Fprintf(&b, "  %s: %s\n    %s\n", s.ID, oneLine(s.Title), s.URL)
			}
		}
	case len(sources) > 0:
		b.WriteString("\n(errgen explain -urls shows where each source is.)\n")
	}
	return b.String()
}

// codeTable writes how many codes of list are in, and a line for each.
func codeTable(b *strings.Builder, list []*Code, in func(*Code) bool) int {
	list = slices.DeleteFunc(slices.Clone(list), func(k *Code) bool { return !in(k) })
	if len(list) > 0 {
		fmt.Fprintf(b, "%d code%s\n\n", len(list), strings.Repeat("s", min(len(list)-1, 1)))
		w := tabwriter.NewWriter(b, 0, 8, 2, ' ', 0)
		fmt.Fprintln(w, "CODE\tSTATUS\tCLASS\tRETRYABLE\tFAMILIES\tDESCRIPTION")
		for _, k := range list {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", k.Code, cmp.Or(joinInts(k.Statuses), "unknown"), k.Class,
				yesNo(k.Retryable), strings.Join(k.Families, ", "), oneLine(k.Description))
		}
		w.Flush()
	}
	return len(list)
}

// unknown is the error for query (lower-cased, q) naming nothing. It
// suggests the names nearest to q, if near (a third of its length, at
// least 2), or else those that contain it; five at most.
func unknown(c *Catalog, query, q string) error {
	names := map[string][]string{} // by what to suggest
	for _, k := range c.Codes {
		names[k.Code] = append([]string{k.Code, k.Name}, k.Aliases...)
	}
	for _, cl := range c.Classes {
		names[cl.Name] = []string{cl.Name, cl.GoName()}
	}
	for _, f := range c.Families {
		names[f.Name] = []string{f.Name}
	}
	best := map[string]int{}
	limit := max(2, len([]rune(q))/3)
	var near, contains []string
	for suggest, ns := range names {
		best[suggest] = limit + 1
		for _, n := range ns {
			best[suggest] = min(best[suggest], editDistance(q, strings.ToLower(n)))
			if strings.Contains(strings.ToLower(n), q) && !slices.Contains(contains, suggest) {
				contains = append(contains, suggest)
			}
		}
		limit = min(limit, best[suggest])
	}
	for suggest, d := range best {
		if d <= limit {
			near = append(near, suggest)
		}
	}
	if len(near) == 0 {
		near = contains
	}
	slices.Sort(near)
	switch near = near[:min(len(near), 5)]; {
	case q == "" || len(near) == 0:
		return fmt.Errorf("unknown code %q", query)
	case len(near) == 1:
		return fmt.Errorf("unknown code %q; did you mean %s?", query, near[0])
	}
	return fmt.Errorf("unknown code %q; did you mean one of %s?", query, strings.Join(near, ", "))
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	rb := []rune(b)
	row := make([]int, len(rb)+1) // the distances from a[:i] to each prefix of b
	for j := range row {
		row[j] = j
	}
	for i, r := range []rune(a) {
		diag := row[0]
		row[0] = i + 1
		for j := range rb {
			cost := 1
			if r == rb[j] {
				cost = 0
			}
			diag, row[j+1] = row[j+1], min(row[j+1]+1, row[j]+1, diag+cost)
		}
	}
	return row[len(rb)]
}
