// Command benchtable turns the output of
//
//	go test -run '^$' -bench ErrorPath -benchmem -count N
//
// in package bench into the Markdown table of README.md: for each body and
// each implementation, the median ns/op, B/op and allocs/op of the N runs,
// and how many times faster than cos-go-sdk-v5 on the same body it is.
// benchstat gives the confidence intervals; this gives the ratios.
//
// Usage:
//
//	benchtable [file]   # standard input when no file is named
package main

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// base is the implementation the ratios are relative to.
const base = "cos-go-sdk-v5"

// line matches one result line: the name's body and impl, then the metrics.
var line = regexp.MustCompile(`^BenchmarkErrorPath/body=([^/]+)/impl=(\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

type key struct{ body, impl string }

func main() {
	log.SetFlags(0)
	log.SetPrefix("benchtable: ")
	var in io.Reader = os.Stdin
	if len(os.Args) > 1 {
		f, err := os.Open(os.Args[1])
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		in = f
	}
	runs := map[key]map[string][]float64{}
	var bodies, impls []string
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		k := key{m[1], m[2]}
		if !slices.Contains(bodies, k.body) {
			bodies = append(bodies, k.body)
		}
		if !slices.Contains(impls, k.impl) {
			impls = append(impls, k.impl)
		}
		if runs[k] == nil {
			runs[k] = map[string][]float64{}
		}
		f := strings.Fields(m[3])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err == nil {
				runs[k][f[i+1]] = append(runs[k][f[i+1]], v)
			}
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	if len(runs) == 0 {
		log.Fatal("no BenchmarkErrorPath results in the input")
	}
	fmt.Println("| body | implementation | ns/op | B/op | allocs/op | faster than cos-go-sdk-v5 |")
	fmt.Println("|---|---|---:|---:|---:|---:|")
	for _, body := range bodies {
		baseNs := median(runs[key{body, base}]["ns/op"])
		for _, impl := range impls {
			r := runs[key{body, impl}]
			if r == nil {
				continue
			}
			ns := median(r["ns/op"])
			ratio := "—"
			if impl != base && ns > 0 && baseNs > 0 {
				ratio = fmt.Sprintf("%.1f×", baseNs/ns)
			}
			fmt.Printf("| %s | %s | %s | %s | %s | %s |\n", body, impl,
				num(ns), num(median(r["B/op"])), num(median(r["allocs/op"])), ratio)
		}
	}
}

// median is the median of xs, 0 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	} else {
		return (s[n/2-1] + s[n/2]) / 2
	}
}

// num formats a metric: to the unit from 100 up, else to three figures.
func num(x float64) string {
	if x >= 100 || x == float64(int64(x)) {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', 3, 64)
}
