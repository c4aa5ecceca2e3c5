package coserr_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// TestClockSkew: the server's clock, for errors that mean the local one
// is wrong, whether COS sends the cause as the code or as AccessDenied's
// message; nothing for any other error.
func TestClockSkew(t *testing.T) {
	server := time.Now().Add(-47 * time.Minute).UTC().Truncate(time.Second)
	date := http.Header{"Date": {server.Format(http.TimeFormat)}}
	body := func(code, message, extra string) []byte {
		return []byte("<Error><Code>" + code + "</Code><Message>" + message + "</Message>" + extra + "</Error>")
	}
	tests := []struct {
		name   string
		header http.Header
		body   []byte
		ok     bool
	}{
		{"RequestTimeTooSkewed, ServerTime in the body", nil, body("RequestTimeTooSkewed", "The difference between the request time and the server's time is too large.", "<ServerTime>"+server.Format(time.RFC3339)+"</ServerTime>"), true},
		{"RequestTimeTooSkewed, Date header", date, body("RequestTimeTooSkewed", "x", ""), true},
		{"AccessDenied with Request has expired", date, body("AccessDenied", "Request has expired", ""), true},
		{"AccessDenied with RequestTimeTooSkewed", date, body("AccessDenied", "RequestTimeTooSkewed", ""), true},
		{"the code itself", date, body("Request has expired", "", ""), true},
		{"Cloud Infinite's expired signature", date, body("SignatureExpired", "The signature has expired.", ""), true},
		{"the body's time wins", http.Header{"Date": {time.Now().Format(http.TimeFormat)}}, body("RequestTimeTooSkewed", "x", "<ServerTime>"+server.Format(time.RFC3339)+"</ServerTime>"), true},
		{"no server time", nil, body("RequestTimeTooSkewed", "x", ""), false},
		{"a broken server time", http.Header{"Date": {"yesterday"}}, body("RequestTimeTooSkewed", "x", "<ServerTime>soon</ServerTime>"), false},
		{"another AccessDenied", date, body("AccessDenied", "Access Denied.", ""), false},
		{"SignatureDoesNotMatch is no clock error", date, body("SignatureDoesNotMatch", "x", ""), false},
		{"NoSuchKey", date, body("NoSuchKey", "x", ""), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := fmt.Errorf("put: %w", coserr.Parse(403, tt.header, tt.body))
			skew, ok := coserr.ClockSkew(err)
			require.Equal(t, tt.ok, ok)
			if !ok {
				assert.Zero(t, skew)
				return
			}
			assert.InDelta(t, -47*time.Minute, skew, float64(2*time.Second))
		})
	}
	for _, err := range []error{nil, fmt.Errorf("plain"), (*coserr.ServiceError)(nil)} {
		_, ok := coserr.ClockSkew(err)
		assert.False(t, ok)
	}
}
