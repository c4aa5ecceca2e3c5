package coserr

import (
	"errors"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The allocation budget of the hot paths: nothing for a
// success, at most 4 allocations for a typical error body (the body
// buffer, the string its fields share, the ServiceError with the body's
// replay reader, the redacted URL), nothing to match an error with
// errors.Is or to look a code up.

// TestAllocsFromResponse counts what FromResponse allocates per response,
// and checks that the error it builds has every field.
func TestAllocsFromResponse(t *testing.T) {
	budget := map[string]float64{
		"NoSuchBucket404":          4,
		"NoSuchBucket404Chunked":   4,
		"SignatureDoesNotMatch403": 4,
		"JSON404":                  4,
		"Head404":                  2, // the ServiceError and the URL
		"OK200":                    0,
	}
	for _, c := range benchCases {
		t.Run(c.name, func(t *testing.T) {
			want, ok := budget[c.name]
			require.True(t, ok, "no budget for %s", c.name)
			r := newBenchReplay(c)
			got := testing.AllocsPerRun(200, func() { benchSink = FromResponse(r.next()) })
			assert.LessOrEqual(t, got, want, "FromResponse(%s) allocates %v times; want at most %v", c.name, got, want)

			err := FromResponse(r.next())
			if c.status < 300 {
				assert.NoError(t, err)
				return
			}
			var se *ServiceError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, c.status, se.StatusCode)
			assert.NotEmpty(t, se.RequestID, "RequestID")
			assert.NotEmpty(t, se.TraceID, "TraceID")
			assert.Equal(t, r.req.Method, se.Method)
			assert.NotEmpty(t, se.URL, "URL")
			assert.Equal(t, c.body, string(se.Body))
			if c.body != "" {
				assert.NotEmpty(t, se.Code, "Code")
				assert.NotEmpty(t, se.Message, "Message")
			}
			if c.ctype == "application/xml" {
				assert.NotEmpty(t, se.Resource, "Resource")
			}
		})
	}
}

// TestAllocsNoSuchBucketFields pins the fields of the typical 404, so the
// budget above is the cost of all of them.
func TestAllocsNoSuchBucketFields(t *testing.T) {
	err := FromResponse(newBenchReplay(benchCases[0]).next())
	var se *ServiceError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "NoSuchBucket", se.Code)
	assert.Equal(t, "The specified bucket does not exist.", se.Message)
	assert.Equal(t, "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com", se.Resource)
	assert.Equal(t, "NjQ5ZjE0NjZfMzk4MjA4MDlfMjc0YjZfMTJmZWM2YQ==", se.RequestID)
	assert.Equal(t, "OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NWFiNjAyMzdlM2RlMmVmOGNiNWIxYjYwNDFhYmQ=", se.TraceID)
	assert.Equal(t, "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/photos/2026/cat.jpg", se.URL)
}

// TestAllocsIs: matching a twice-wrapped error costs nothing, hit or miss.
func TestAllocsIs(t *testing.T) {
	err := benchWrapped()
	for _, target := range isTargets {
		t.Run(target.name, func(t *testing.T) {
			require.Equal(t, target.want, errors.Is(err, target.err), "errors.Is(%v, %v)", err, target.err)
			got := testing.AllocsPerRun(200, func() { errors.Is(err, target.err) })
			assert.Zero(t, got, "errors.Is(%v, %v) allocates %v times; want 0", err, target.err, got)
		})
	}
}

// TestAllocsLookup: Lookup costs nothing, for a code, an alias and a miss,
// with the real catalog and with an index of 10,000 codes.
func TestAllocsLookup(t *testing.T) {
	big := bigIndex(10_000)
	require.GreaterOrEqual(t, len(big), 10_000)
	for _, key := range benchLookupKeys {
		t.Run(key, func(t *testing.T) {
			assert.Equal(t, Lookup(key), big[key], "the 10,000-code index disagrees with codeIndex on %q", key)
			got := testing.AllocsPerRun(200, func() { Lookup(key) })
			assert.Zero(t, got, "Lookup(%q) allocates %v times; want 0", key, got)
			got = testing.AllocsPerRun(200, func() { _ = big[key] })
			assert.Zero(t, got, "a lookup of %q in 10,000 codes allocates %v times; want 0", key, got)
		})
	}
}

// TestErrorResponseSize: the error FromResponse returns and the replay of
// its body are one allocation of 240 bytes at most, the size class the
// benchmarks' bytes per error (bench/README.md) are made of; a field that
// pushes it into the next class costs every error 16 to 48 bytes.
func TestErrorResponseSize(t *testing.T) {
	assert.LessOrEqual(t, unsafe.Sizeof(errorResponse{}), uintptr(240))
}
