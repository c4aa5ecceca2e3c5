package gen_test

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
)

// bigCodes is the size of the grown catalog the benchmarks render.
const bigCodes = 10_000

// writeBig names a file for BenchmarkRenderGo10k to write the grown catalog to,
// for bench/lookup10k.sh, which builds coserr from it.
var writeBig = flag.String("write-big-catalog", "", "write the 10,000-code catalog to this `file`")

// Words for the made-up codes of the grown catalog: they read like COS
// codes ("InvalidLifecycleRuleLimit") and are as long.
var (
	bigVerbs = []string{"No", "Invalid", "Missing", "TooMany", "Malformed", "Unsupported", "Expired", "Duplicate", "Exceeded", "Conflicting", "Locked", "Disabled", "Unknown", "Restricted", "Pending", "Frozen"}
	bigNouns = []string{"Bucket", "Object", "Upload", "Part", "Policy", "Tagging", "Lifecycle", "Replication", "Inventory", "Domain", "Website", "Cors", "Referer", "Acl", "Encryption", "Logging", "Versioning", "Archive", "Index", "Vector", "Job", "Queue", "Workflow", "Template", "Media", "Snapshot", "Origin", "Retention", "Select", "Metadata", "Checksum", "Region"}
	bigTails = []string{"", "Rule", "Limit", "Config", "State", "Request", "Version", "Name", "Size", "Header", "Token", "Status", "Target", "Filter", "Period", "Owner", "Format", "Count", "Key", "Id"}
)

// bigName is the i-th made-up code name; the names are distinct for i
// below len(bigVerbs)*len(bigNouns)*len(bigTails)*4.
func bigName(i int) string {
	v, n, t := len(bigVerbs), len(bigNouns), len(bigTails)
	name := bigVerbs[i%v] + bigNouns[i/v%n] + bigTails[i/v/n%t]
	if r := i / (v * n * t); r > 0 {
		name += []string{"", "Error", "Exception", "Failure"}[r]
	}
	return name
}

// bigCatalog is catalog.yaml grown to bigCodes codes: the real entries
// and made-up ones in the same shape (every status form, aliases on some,
// all classes, a description of the usual length), all in byte order.
func bigCatalog(tb testing.TB) []byte {
	tb.Helper()
	src, err := os.ReadFile(filepath.Join("..", "catalog.yaml"))
	require.NoError(tb, err)
	real, err := gen.Load("catalog.yaml", src)
	require.NoError(tb, err)
	taken := map[string]bool{}
	for _, c := range real.Codes {
		taken[c.Code], taken[c.Name] = true, true
		for _, a := range c.Aliases {
			taken[a] = true
		}
	}
	head, codes, ok := strings.Cut(string(src), "\ncodes:\n")
	require.True(tb, ok)
	entries := map[string]string{} // by wire spelling
	for _, e := range strings.SplitAfter(strings.TrimPrefix(codes, "  - code: "), "\n  - code: ") {
		e = "  - code: " + strings.TrimSuffix(e, "  - code: ")
		code, _, _ := strings.Cut(strings.TrimPrefix(e, "  - code: "), "\n")
		entries[code] = strings.TrimRight(e, "\n") + "\n"
	}
	require.Len(tb, entries, len(real.Codes))
	source := real.Sources[0].ID
	classes := []string{"Redirect", "BadRequest", "Unauthenticated", "AccessDenied", "NotFound", "Conflict", "PreconditionFailed", "Throttled", "Server"}
	statuses := []string{"307", "400", "401", "403", "404", "409", "412", "429", "503"}
	for i := 0; len(entries) < bigCodes; i++ {
		name := bigName(i)
		if taken[name] {
			continue
		}
		taken[name] = true
		var b strings.Builder
		k := i % len(classes)
		fmt.Fprintf(&b, "  - code: %s\n", name)
		if i%50 == 0 {
			fmt.Fprintf(&b, "    aliases: [%sAlias]\n", name)
			taken[name+"Alias"] = true
		}
		if i%7 == 0 {
			second := "400"
			if statuses[k] == second {
				second = "409"
			}
			fmt.Fprintf(&b, "    status: [%s, %s]\n", statuses[k], second)
		} else {
			fmt.Fprintf(&b, "    status: %s\n", statuses[k])
		}
		retryable := classes[k] == "Throttled" || classes[k] == "Server"
		fmt.Fprintf(&b, "    class: %s\n    retryable: %t\n", classes[k], retryable)
		if retryable {
			b.WriteString("    why: '5xx or 429: a passing overload; every official SDK retries it'\n")
		}
		fmt.Fprintf(&b, "    families: [COS]\n    sources: [%s]\n", source)
		fmt.Fprintf(&b, "    description: The %s of the request is not acceptable for this operation (code %d).\n", strings.ToLower(bigNouns[i/len(bigVerbs)%len(bigNouns)]), i)
		fmt.Fprintf(&b, "    hints: [{cause: The request's %s is wrong (code %d)., fix: Send another %[1]s (code %[2]d)., sources: [%s]}]\n",
			strings.ToLower(bigNouns[i/len(bigVerbs)%len(bigNouns)]), i, source)
		entries[name] = b.String()
	}
	var b bytes.Buffer
	b.WriteString(head + "\ncodes:\n")
	for _, code := range slices.Sorted(maps.Keys(entries)) {
		b.WriteString(entries[code])
	}
	return b.Bytes()
}

// BenchmarkRenderGo10k is errgen's work on a catalog of 10,000 codes:
// load and validate the YAML, render and format the Go file, render the
// Markdown table (gen.Generate; cmd/errgen adds only the file I/O). The
// target is under 2 s/op. Before it measures, it checks that the grown
// catalog is valid, has bigCodes codes and renders each.
func BenchmarkRenderGo10k(b *testing.B) {
	src := bigCatalog(b)
	if *writeBig != "" {
		require.NoError(b, os.WriteFile(*writeBig, src, 0o644))
	}
	c, err := gen.Load("big.yaml", src)
	require.NoError(b, err)
	require.Len(b, c.Codes, bigCodes)
	goSrc, md, err := gen.Generate("big.yaml", src, "coserr")
	require.NoError(b, err)
	for _, code := range []string{c.Codes[0].Code, c.Codes[bigCodes/2].Code, c.Codes[bigCodes-1].Code} {
		require.Contains(b, string(goSrc), "\nvar "+code+" = &codes[", "generated Go lacks the sentinel of %s", code)
		require.Contains(b, string(goSrc), fmt.Sprintf("\t%q:", code), "generated Go lacks the index entry of %s", code)
		require.Contains(b, string(md), code, "generated Markdown lacks %s", code)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := gen.Generate("big.yaml", src, "coserr"); err != nil {
			b.Fatal(err)
		}
	}
}
