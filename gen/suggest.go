package gen

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// An unknownError is what Explain returns for a query that names no code,
// alias, Go name, class or family of the catalog. Suggestions holds the
// nearest names, best first; it may be empty.
type unknownError struct {
	Query       string
	Suggestions []string
}

// Error formats e as `unknown code "NoSuchBuckt"; did you mean NoSuchBucket?`.
func (e *unknownError) Error() string {
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

// maxSuggestions is the most names an unknownError suggests.
const maxSuggestions = 5

// suggest returns the names nearest to query, at most five, sorted: those
// at the smallest edit distance, if it is small (about a third of the
// query's length, at least 2), compared without regard to case, over every
// code's wire spelling, aliases and Go name, every class's name and Go
// name and every family's name; failing any, the names that contain the
// query. A code is suggested by its wire spelling, whichever of its names
// was near; a class by its name.
func suggest(c *Catalog, query string) []string {
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
	for _, f := range c.Families {
		consider(f.Name, f.Name)
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
