package diagnose

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What a clock error's findings say the input knows: never that the
// server's time is unknown when the body gave it.
func TestClockKnowns(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		want []string
	}{
		{"the server's time alone", Input{Status: 403, Code: "RequestTimeTooSkewed", ServerTime: time.Unix(1700000100, 0)},
			[]string{"the server's time was 2023-11-14T22:15:00Z; the signature's window (q-sign-time) is not known here: " +
				"one that ends before that time is an expired signature, one that starts after it a signer's clock ahead; compare the signer's clock at the time with it"}},
		{"the signature's window alone", Input{Status: 403, Code: "RequestTimeTooSkewed", Request: &Request{URL: &url.URL{Scheme: "https", Host: "b-1250000000.cos.ap-guangzhou.myqcloud.com",
			Path: "/a", RawQuery: "q-sign-algorithm=sha1&q-sign-time=1700000000;1700003600&q-key-time=1700000000;1700003600&q-signature=x"}}},
			[]string{"the signature's q-sign-time 2023-11-14T22:13:20Z..2023-11-14T23:13:20Z (1h0m0s); the server's time is not known here: " +
				"a request that reached COS after its end carried an expired signature (a presigned URL used too late), one before its start came from a signer whose clock is ahead"}},
		{"nothing", Input{Status: 403, Code: "RequestTimeTooSkewed"},
			[]string{"neither the server's time nor the signature's window is known here: compare `date -u` with an NTP server, and the signature's q-sign-time with the time of the request"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Findings(&tt.in, Facts{Code: "RequestTimeTooSkewed", ClockSkew: true}))
		})
	}
}

// A URL quoted in a JSON log line has its '&' escaped as \u0026 (Go's
// encoding/json and log/slog write it so): the request read from it has
// the query as sent.
func TestParseTextJSONEscapedURL(t *testing.T) {
	in, ok := ParseText(`{"level":"ERROR","url":"https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt?q-sign-algorithm=sha1\u0026q-sign-time=1700000000;1700003600\u0026q-signature=x","err":"cos: 403 AccessDenied: Request has expired (request id NjA3)"}`)
	require.True(t, ok)
	require.NotNil(t, in.Request)
	assert.Equal(t, "q-sign-algorithm=sha1&q-sign-time=1700000000;1700003600&q-signature=x", in.Request.URL.RawQuery)
}
