package coserr_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// allocatedBy reports the bytes allocated by one call of f, the least of
// a few runs, so that a stray allocation elsewhere cannot inflate it.
func allocatedBy(f func()) uint64 {
	least := ^uint64(0)
	for range 3 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
	}
	return least
}

// fromResponseAllocs measures FromResponse on body and checks what it
// kept and that resp.Body still reads back the whole body.
func fromResponseAllocs(t *testing.T, body []byte, contentLength int64) uint64 {
	t.Helper()
	var resp *http.Response
	var err error
	src := &trackedBody{}
	n := allocatedBy(func() {
		src.Reader = bytes.NewReader(body) // allocates a few dozen bytes
		resp = &http.Response{StatusCode: 502, Header: http.Header{}, Body: src, ContentLength: contentLength}
		err = coserr.FromResponse(resp)
	})
	var se *coserr.ServiceError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 502, se.StatusCode)
	require.NoError(t, se.Err)
	kept := min(len(body), coserr.MaxBodyBytes)
	assert.True(t, bytes.Equal(body[:kept], se.Body), "Body holds %d bytes; want the first %d", len(se.Body), kept)
	got, rerr := io.ReadAll(resp.Body)
	require.NoError(t, rerr)
	assert.Equal(t, len(body), len(got))
	assert.True(t, bytes.Equal(body, got), "resp.Body does not read back the body byte for byte")
	require.NoError(t, resp.Body.Close())
	assert.Equal(t, 1, src.closed)
	return n
}

// repeatTo makes a body of about size bytes from a head, a repeated unit
// and a tail.
func repeatTo(size int, head, unit, tail string) []byte {
	n := (size - len(head) - len(tail)) / len(unit)
	return []byte(head + strings.Repeat(unit, n) + tail)
}

// tenMiB is a body of 10 MiB.
func tenMiB(head, unit, tail string) []byte { return repeatTo(10<<20, head, unit, tail) }

// TestBodyMemoryBounded: a body many times MaxBodyBytes (one of 10 MiB,
// the others of 1 MiB) costs FromResponse less than 2*MaxBodyBytes, and
// the caller still reads all of it.
func TestBodyMemoryBounded(t *testing.T) {
	const big = 1 << 20
	bodies := []struct {
		name string
		body []byte
	}{
		{"opaque bytes, 10 MiB", tenMiB("", "\x00\x01\xfe\xff binary ", "")},
		{"proxy html", repeatTo(big, "<html><head><title>502 Bad Gateway</title></head><body>", "<p>upstream failed</p>\n", "</body></html>")},
		{"json", repeatTo(big, `{"code":"InternalError","message":"`, "m", `"}`)},
		{"xml, not an error document", repeatTo(big, "<?xml version='1.0'?><ListBucketResult>", "<Contents><Key>k</Key></Contents>", "</ListBucketResult>")},
		{"cos error then padding", repeatTo(big, string(loadSampleBody(t, "nosuchkey.xml")), " ", "")},
	}
	for _, b := range bodies {
		for _, cl := range []int64{int64(len(b.body)), -1} {
			t.Run(fmt.Sprintf("%s/content-length %d", b.name, cl), func(t *testing.T) {
				n := fromResponseAllocs(t, b.body, cl)
				assert.Less(t, n, uint64(2*coserr.MaxBodyBytes), "FromResponse allocated %d bytes for a body of %d", n, len(b.body))
			})
		}
	}
}

// TestBodyMemoryIndependentOfSize: for bodies whose parse costs more than
// their bytes (many elements, entities, one huge field), what FromResponse
// allocates still does not grow with the body: 10 MiB costs what 128 KiB
// does, since both are cut at MaxBodyBytes.
func TestBodyMemoryIndependentOfSize(t *testing.T) {
	gens := []struct {
		name             string
		head, unit, tail string
	}{
		{"xml many children", "<Error><Code>SlowDown</Code>", "<X>1</X>", "</Error>"},
		{"xml entities", "<Error><Code>SlowDown</Code><Message>", "&amp;&lt;", "</Message></Error>"},
		{"xml huge message", "<Error><Code>SlowDown</Code><Message>", "m", "</Message></Error>"},
		{"json many members", `{"code":"SlowDown"`, `,"a":1`, "}"},
	}
	for _, g := range gens {
		t.Run(g.name, func(t *testing.T) {
			sized := func(size int) []byte {
				return []byte(g.head + strings.Repeat(g.unit, (size-len(g.head)-len(g.tail))/len(g.unit)) + g.tail)
			}
			small := fromResponseAllocs(t, sized(2*coserr.MaxBodyBytes), -1)
			large := fromResponseAllocs(t, sized(10<<20), -1)
			assert.LessOrEqual(t, large, small+1024, "FromResponse allocated %d bytes for 10 MiB; %d for 128 KiB", large, small)
		})
	}
}

func TestBodyCapEdges(t *testing.T) {
	for _, size := range []int{0, 1, 511, 512, 1024, 1025, 4097, coserr.MaxBodyBytes - 1, coserr.MaxBodyBytes, coserr.MaxBodyBytes + 1, 3*coserr.MaxBodyBytes + 7} {
		body := bytes.Repeat([]byte("0123456789abcdef"), size/16+1)[:size]
		for _, cl := range []int64{int64(size), -1, 0, int64(size / 2), int64(size) * 2} {
			t.Run(fmt.Sprintf("size %d, content-length %d", size, cl), func(t *testing.T) {
				fromResponseAllocs(t, body, cl)
			})
		}
	}
}

// TestParseReadsOnlyTheCap: Parse, like FromResponse, looks at no more
// than MaxBodyBytes, also for a 200 it must search for an <Error>.
func TestParseReadsOnlyTheCap(t *testing.T) {
	for _, status := range []int{200, 500} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			sized := func(size int) []byte {
				head, unit := "<Error><Code>InternalError</Code><Message>", "&amp;"
				return []byte(head + strings.Repeat(unit, (size-len(head))/len(unit)))
			}
			small, large := sized(2*coserr.MaxBodyBytes), sized(10<<20)
			var se *coserr.ServiceError
			nSmall := allocatedBy(func() { se, _ = coserr.Parse(status, nil, small).(*coserr.ServiceError) })
			nLarge := allocatedBy(func() { se, _ = coserr.Parse(status, nil, large).(*coserr.ServiceError) })
			require.NotNil(t, se)
			assert.Equal(t, "InternalError", se.Code)
			assert.Equal(t, coserr.MaxBodyBytes, len(se.Body))
			assert.LessOrEqual(t, nLarge, nSmall+1024, "Parse allocated %d bytes for 10 MiB; %d for 128 KiB", nLarge, nSmall)
		})
	}
}
