package gen

import (
	"bytes"
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

// An UnknownError is what Explain returns for a query that names no code,
// alias, Go name or class of the catalog. Suggestions holds the nearest
// names, best first; it may be empty.
type UnknownError struct {
	Query       string
	Suggestions []string
}

// Error formats e as `unknown code "NoSuchBuckt"; did you mean NoSuchBucket?`.
func (e *UnknownError) Error() string {
	msg := fmt.Sprintf("unknown code %q", e.Query)
	switch len(e.Suggestions) {
	case 0:
	case 1:
		msg += "; did you mean " + e.Suggestions[0] + "?"
	default:
		msg += "; did you mean one of " + strings.Join(e.Suggestions, ", ") + "?"
	}
	return msg
}

// maxSuggestions is the most names an UnknownError suggests.
const maxSuggestions = 5

// Explain says what query means in the catalog, as text for a terminal.
// It does no I/O.
//
// A query of digits is an HTTP status: Explain lists every code COS sends
// with it, those whose primary status it is first. Otherwise the query is
// a code's wire spelling, one of its aliases or its Go name (a "coserr."
// prefix is allowed), and Explain gives the code's statuses, class,
// retryability, aliases and description; or it is a class name (or its Go
// name, ErrNotFound), and Explain lists the class's codes. Names match
// exactly, as coserr.Lookup does.
//
// For a name that matches nothing, Explain returns an *UnknownError whose
// suggestions are the nearest names by edit distance, compared without
// regard to case, over every wire spelling, alias, Go name and class
// name. For a status no code has, it returns an error saying so.
func Explain(c *Catalog, query string) (string, error) {
	q := strings.TrimPrefix(strings.TrimSpace(query), "coserr.")
	if isDigits(q) {
		st, err := strconv.Atoi(q)
		if err != nil {
			return "", fmt.Errorf("status %q out of range", q)
		}
		return explainStatus(c, st)
	}
	for _, k := range c.Codes {
		if q == k.Code || q == k.Name || slices.Contains(k.Aliases, q) {
			return explainCode(q, k), nil
		}
	}
	for _, cl := range c.Classes {
		if q == cl.Name || q == cl.GoName() {
			return explainClass(c, cl), nil
		}
	}
	return "", &UnknownError{Query: query, Suggestions: Suggest(c, q)}
}

// explainCode describes one code; q is how the query named it.
func explainCode(q string, k *Code) string {
	var b bytes.Buffer
	switch {
	case slices.Contains(k.Aliases, q):
		fmt.Fprintf(&b, "%s is an alias of %s: COS has sent both spellings.\n\n", q, k.Code)
	case q != k.Code:
		fmt.Fprintf(&b, "%s is the Go name of the code %q.\n\n", q, k.Code)
	}
	b.WriteString(k.Code + "\n")
	w := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	fmt.Fprintf(w, "  go name:\tcoserr.%s\n", k.Name)
	statuses := statusList(k.Statuses)
	if len(k.Statuses) > 1 {
		statuses += fmt.Sprintf(" (%d primary)", k.Statuses[0])
	}
	fmt.Fprintf(w, "  status:\t%s\n", statuses)
	fmt.Fprintf(w, "  class:\t%s (coserr.Err%s)\n", k.Class, k.Class)
	fmt.Fprintf(w, "  retryable:\t%s\n", yesNo(k.Retryable))
	aliases := "none"
	if len(k.Aliases) > 0 {
		aliases = strings.Join(k.Aliases, ", ")
	}
	fmt.Fprintf(w, "  aliases:\t%s\n", aliases)
	fmt.Fprintf(w, "  description:\t%s\n", oneLine(k.Description))
	w.Flush()
	return b.String()
}

// explainStatus lists the codes sent with status st, primary ones first.
func explainStatus(c *Catalog, st int) (string, error) {
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
	if len(list) == 0 {
		return "", fmt.Errorf("no code in %s has HTTP status %d", c.File, st)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP %d", st)
	if t := http.StatusText(st); t != "" {
		fmt.Fprintf(&b, " %s", t)
	}
	fmt.Fprintf(&b, ": %d %s\n\n", len(list), plural(len(list), "code"))
	codeTable(&b, list)
	return b.String(), nil
}

// explainClass describes a class and lists its codes.
func explainClass(c *Catalog, cl *Class) string {
	var list []*Code
	for _, k := range c.Codes {
		if k.Class == cl.Name {
			list = append(list, k)
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "class %s (coserr.%s): %s\n\n", cl.Name, cl.GoName(), oneLine(cl.Description))
	fmt.Fprintf(&b, "%d %s\n\n", len(list), plural(len(list), "code"))
	if len(list) > 0 {
		codeTable(&b, list)
	}
	return b.String()
}

// codeTable writes one aligned line per code.
func codeTable(b *bytes.Buffer, list []*Code) {
	w := tabwriter.NewWriter(b, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "CODE\tSTATUS\tCLASS\tRETRYABLE\tDESCRIPTION")
	for _, k := range list {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", k.Code, statusList(k.Statuses), k.Class, yesNo(k.Retryable), oneLine(k.Description))
	}
	w.Flush()
}

// Suggest returns the names nearest to query, at most five, sorted: those
// at the smallest edit distance, if it is small (about a third of the
// query's length, at least 2), compared without regard to case, over every code's
// wire spelling, aliases and Go name and every class's name and Go name;
// failing any, the names that contain the query. A code is suggested by
// its wire spelling, whichever of its names was near; a class by its name.
func Suggest(c *Catalog, query string) []string {
	q := strings.ToLower(query)
	if q == "" {
		return nil
	}
	type cand struct {
		name string // what to suggest
		dist int
	}
	best := map[string]int{}
	var contains []string
	consider := func(suggest string, names ...string) {
		for _, n := range names {
			ln := strings.ToLower(n)
			d := editDistance(q, ln)
			if prev, ok := best[suggest]; !ok || d < prev {
				best[suggest] = d
			}
			if strings.Contains(ln, q) && !slices.Contains(contains, suggest) {
				contains = append(contains, suggest)
			}
		}
	}
	for _, k := range c.Codes {
		consider(k.Code, append([]string{k.Code, k.Name}, k.Aliases...)...)
	}
	for _, cl := range c.Classes {
		consider(cl.Name, cl.Name, cl.GoName())
	}
	limit := max(2, len([]rune(q))/3)
	for _, d := range best {
		limit = min(limit, d) // only the nearest
	}
	var near []cand
	for name, d := range best {
		if d <= limit {
			near = append(near, cand{name, d})
		}
	}
	slices.SortFunc(near, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), strings.Compare(a.name, b.name))
	})
	var out []string
	for _, n := range near {
		out = append(out, n.name)
	}
	if len(out) == 0 {
		slices.Sort(contains)
		out = contains
	}
	return out[:min(len(out), maxSuggestions)]
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
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

func statusList(sts []int) string {
	s := make([]string, len(sts))
	for i, st := range sts {
		s[i] = strconv.Itoa(st)
	}
	return strings.Join(s, ", ")
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// oneLine folds a catalog text onto one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
