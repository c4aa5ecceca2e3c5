package coserr

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"testing"
)

// The bodies of the benchmarks (and of the allocation tests), as COS sends
// them; bench/ runs the same ones against the other SDKs.
const (
	benchNoSuchBucket = `<?xml version='1.0' encoding='utf-8' ?>
<Error>
	<Code>NoSuchBucket</Code>
	<Message>The specified bucket does not exist.</Message>
	<Resource>examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com</Resource>
	<RequestId>NjQ5ZjE0NjZfMzk4MjA4MDlfMjc0YjZfMTJmZWM2YQ==</RequestId>
	<TraceId>OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NWFiNjAyMzdlM2RlMmVmOGNiNWIxYjYwNDFhYmQ=</TraceId>
</Error>`
	benchSignature = `<?xml version='1.0' encoding='utf-8' ?>
<Error>
	<Code>SignatureDoesNotMatch</Code>
	<Message>The Signature you specified is invalid.</Message>
	<StringToSign>sha1
1615113257;1615199657
c7503b92a8581b3f3f68c8f7f64a8917b03a1a95
</StringToSign>
	<FormatString>put
/images/resume-zh en_页面_1.png

host=examplebucket-1250000000.cos.ap-beijing.myqcloud.com
</FormatString>
	<Resource>examplebucket-1250000000.cos.ap-beijing.myqcloud.com/images/resume-zh+en_页面_1.png</Resource>
	<RequestId>NjA0NGFjMmFfZTViOTJhMDlfMjA0NDlfNzU0MzM4NQ==</RequestId>
	<TraceId>OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NWFiNjAyMzdlM2RlMmVmOGNiNWIxYjYwNDFhYmQ=</TraceId>
</Error>`
	benchJSON = `{"code":404,"message":"The specified fetch task does not exist.","request_id":"NjQ5ZjE0NjZfMzk4MjA4MDlfMjc0YjZfMTJmZWM2Yg=="}`
)

// benchCase is one response for the benchmarks and allocation tests.
type benchCase struct {
	name    string
	status  int
	ctype   string
	body    string // "" for none (HEAD)
	chunked bool   // no Content-Length
	ids     int    // which benchIDs the headers carry
}

// benchIDs are the request and trace ids of the responses' headers. COS
// repeats a body's ids there: the XML cases carry their own; the JSON one
// carries others, so that its ids are copied.
var benchIDs = [...][2]string{
	{"NjQ5ZjE0NjZfMzk4MjA4MDlfMjc0YjZfMTJmZWM2YQ==", "OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NWFiNjAyMzdlM2RlMmVmOGNiNWIxYjYwNDFhYmQ="},
	{"NjA0NGFjMmFfZTViOTJhMDlfMjA0NDlfNzU0MzM4NQ==", "OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NWFiNjAyMzdlM2RlMmVmOGNiNWIxYjYwNDFhYmQ="},
	{"NjQ5ZjE0NjZfMzk4MjA4MDlfMjc0YjZfMTJmZWM2Yw==", "OGVmYzZiMmQzYjA2OWNh"},
}

var benchCases = []benchCase{
	{"NoSuchBucket404", 404, "application/xml", benchNoSuchBucket, false, 0},
	{"NoSuchBucket404Chunked", 404, "application/xml", benchNoSuchBucket, true, 0},
	{"SignatureDoesNotMatch403", 403, "application/xml", benchSignature, false, 1},
	{"JSON404", 404, "application/json", benchJSON, false, 2},
	{"Head404", 404, "", "", false, 0},
	{"OK200", 200, "application/octet-stream", "object bytes", false, 0},
}

// benchReplay hands out the same response again and again without
// allocating, so that a benchmark or AllocsPerRun counts FromResponse
// alone.
type benchReplay struct {
	c    benchCase
	hdr  http.Header
	req  http.Request
	resp http.Response
	rd   benchBody
	body []byte
}

// benchBody is a bytes.Reader that closes.
type benchBody struct{ bytes.Reader }

func (*benchBody) Close() error { return nil }

func newBenchReplay(c benchCase) *benchReplay {
	u, err := url.Parse("https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/photos/2026/cat.jpg")
	if err != nil {
		panic(err)
	}
	r := &benchReplay{c: c, body: []byte(c.body)}
	r.hdr = http.Header{
		"Server":           {"tencent-cos"},
		"X-Cos-Request-Id": {benchIDs[c.ids][0]},
		"X-Cos-Trace-Id":   {benchIDs[c.ids][1]},
	}
	if c.ctype != "" {
		r.hdr.Set("Content-Type", c.ctype)
	}
	if !c.chunked {
		r.hdr.Set("Content-Length", strconv.Itoa(len(c.body)))
	}
	r.req = http.Request{Method: http.MethodGet, URL: u, Host: u.Host, Header: http.Header{}}
	if c.body == "" {
		r.req.Method = http.MethodHead
	}
	return r
}

// next resets the response to its state on arrival.
func (r *benchReplay) next() *http.Response {
	r.resp = http.Response{StatusCode: r.c.status, Header: r.hdr, Request: &r.req, ContentLength: int64(len(r.body))}
	switch {
	case r.c.body == "":
		r.resp.Body = http.NoBody
	default:
		r.rd.Reset(r.body)
		r.resp.Body = &r.rd
	}
	if r.c.chunked {
		r.resp.ContentLength = -1
	}
	return &r.resp
}

var benchSink error

func BenchmarkFromResponse(b *testing.B) {
	for _, c := range benchCases {
		b.Run("body="+c.name, func(b *testing.B) {
			r := newBenchReplay(c)
			b.SetBytes(int64(len(c.body)))
			b.ReportAllocs()
			for b.Loop() {
				benchSink = FromResponse(r.next())
			}
		})
	}
}

// BenchmarkParseBody compares the fast paths with the general ones on the
// same bodies.
func BenchmarkParseBody(b *testing.B) {
	for _, body := range []struct{ name, body string }{
		{"NoSuchBucket404", benchNoSuchBucket},
		{"SignatureDoesNotMatch403", benchSignature},
		{"JSON404", benchJSON},
	} {
		src := []byte(body.body)
		general := func() { fieldsOf(jsonChildren(src)) }
		if src[0] == '<' {
			general = func() { fxGeneralXML(src) }
		}
		b.Run("body="+body.name+"/path=fast", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				parseBody(src)
			}
		})
		b.Run("body="+body.name+"/path=general", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				general()
			}
		})
	}
}

// benchWrapped is a 404 NoSuchBucket as a caller meets it: wrapped twice.
func benchWrapped() error {
	err := FromResponse(newBenchReplay(benchCases[0]).next())
	return fmt.Errorf("sync photos: %w", fmt.Errorf("get cat.jpg: %w", err))
}

// isTargets are what a twice-wrapped 404 NoSuchBucket is matched
// against, hit or miss, by BenchmarkIs and TestAllocsIs.
var isTargets = []struct {
	name string
	err  error
	want bool
}{
	{"code", NoSuchBucket, true},
	{"class", ErrNotFound, true},
	{"fs.ErrNotExist", fs.ErrNotExist, true},
	{"other code", NoSuchKey, false},
	{"other class", ErrThrottled, false},
	{"fs.ErrPermission", fs.ErrPermission, false},
}

func BenchmarkIs(b *testing.B) {
	err := benchWrapped()
	for _, target := range isTargets {
		b.Run("target="+target.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if errors.Is(err, target.err) != target.want {
					b.Fatalf("errors.Is(%v, %v) != %v", err, target.err, target.want)
				}
			}
		})
	}
}

// Lookup with the real catalog and with one of 10,000 codes. The big
// index is built as the generated code builds codeIndex (a map literal,
// which the compiler turns into make with the size and one insertion per
// entry): the real codes and aliases, then made-up ones named like COS
// codes ("InvalidLifecycleRuleLimit"), as gen/bench_test.go grows the
// catalog.

var (
	bigVerbs = []string{"No", "Invalid", "Missing", "TooMany", "Malformed", "Unsupported", "Expired", "Duplicate", "Exceeded", "Conflicting", "Locked", "Disabled", "Unknown", "Restricted", "Pending", "Frozen"}
	bigNouns = []string{"Bucket", "Object", "Upload", "Part", "Policy", "Tagging", "Lifecycle", "Replication", "Inventory", "Domain", "Website", "Cors", "Referer", "Acl", "Encryption", "Logging", "Versioning", "Archive", "Index", "Vector", "Job", "Queue", "Workflow", "Template", "Media", "Snapshot", "Origin", "Retention", "Select", "Metadata", "Checksum", "Region"}
	bigTails = []string{"", "Rule", "Limit", "Config", "State", "Request", "Version", "Name", "Size", "Header", "Token", "Status", "Target", "Filter", "Period", "Owner", "Format", "Count", "Key", "Id"}
)

// bigIndex returns an index of n codes, the real ones included.
func bigIndex(n int) map[string]*Code {
	type entry struct {
		key  string
		code *Code
	}
	var entries []entry
	taken := map[string]bool{}
	for k, c := range codeIndex {
		entries = append(entries, entry{k, c})
		taken[k] = true
	}
	v, nn, t := len(bigVerbs), len(bigNouns), len(bigTails)
	for i, count := 0, len(codes); count < n; i++ {
		name := bigVerbs[i%v] + bigNouns[i/v%nn] + bigTails[i/v/nn%t]
		if r := i / (v * nn * t); r > 0 {
			name += []string{"", "Error", "Exception", "Failure"}[r]
		}
		if taken[name] {
			continue
		}
		taken[name] = true
		c := &Code{name: name, statuses: []int{400}, class: ErrBadRequest, description: "A made-up code."}
		entries = append(entries, entry{name, c})
		if i%50 == 0 {
			entries = append(entries, entry{name + "Alias", c})
		}
		count++
	}
	m := make(map[string]*Code, len(entries))
	for _, e := range entries {
		m[e.key] = e.code
	}
	return m
}

// benchLookupKeys are looked up in turn: a code, an alias, a miss.
var benchLookupKeys = []string{"NoSuchBucket", "InternalErrror", "NoSuchBuckets", "SlowDown"}

func BenchmarkLookup(b *testing.B) {
	big := bigIndex(10_000)
	b.Run("catalog=real", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			Lookup(benchLookupKeys[i&3])
		}
	})
	b.Run("catalog=10k", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			_ = big[benchLookupKeys[i&3]] // what Lookup does with a 10,000-code codeIndex
		}
	})
}
