package coserr_test

import (
	"context"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// accessDenied is a 403 body of the kind the 403 troubleshooting page
// (COS docs 436/40105) shows, with the message given.
func accessDenied(message string) string {
	return "<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>AccessDenied</Code>\n\t<Message>" + message +
		"</Message>\n\t<Resource>" + testHost + "/a.txt</Resource>\n\t<RequestId>NjVhNmM4YjZfMjQ4OGY3MGFfZDY1Zl8xNmM1</RequestId>\n" +
		"\t<TraceId>OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NWFiNjAyMzdlM2RlMmVmOGNiNWIxYjYwNDFhYmQ=</TraceId>\n</Error>"
}

// Every example of the 403 page (COS docs 436/40105): the code it stands
// for, a report in order, with the request id and the diagnosis tool.
func TestDiagnose403PageExamples(t *testing.T) {
	tests := []struct {
		message string
		want    *coserr.Code
	}{
		{"Access Denied.", coserr.AccessDenied},
		{"AccessForbidden", coserr.AccessForbidden},
		{"You are denied by bucket referer rule", coserr.AccessDenied},
		{"InvalidAccessKeyId", coserr.InvalidAccessKeyId},
		{"InvalidObjectState", coserr.InvalidObjectState},
		{"RequestTimeTooSkewed", coserr.RequestTimeTooSkewed},
		{"Request has expired", coserr.RequestHasExpired},
		{"SignatureDoesNotMatch", coserr.SignatureDoesNotMatch},
	}
	for _, tt := range tests {
		t.Run(tt.message, func(t *testing.T) {
			d := coserr.Diagnose(parse(t, 403, nil, accessDenied(tt.message)), nil)
			require.NotNil(t, d)
			assert.Equal(t, tt.want, d.Code)
			assert.Equal(t, tt.want.Class(), d.Class)
			assert.Equal(t, "NjVhNmM4YjZfMjQ4OGY3MGFfZDY1Zl8xNmM1", d.RequestID)
			report := d.String()
			assert.True(t, strings.HasPrefix(report, tt.want.Name()+" "), report)
			assert.Contains(t, report, tt.want.Description())
			assert.Contains(t, report, "Retry: no")
			assert.Contains(t, report, "Request id: NjVhNmM4YjZfMjQ4OGY3MGFfZDY1Zl8xNmM1")
			assert.Contains(t, report, "https://console.cloud.tencent.com/cos5/diagnose")
			f, _, id := sections(t, report)
			if f >= 0 {
				assert.Less(t, f, id)
			}
		})
	}
}

func TestDiagnoseClock(t *testing.T) {
	now := time.Now()
	date := func(t time.Time) http.Header { return http.Header{"Date": {t.UTC().Format(http.TimeFormat)}} }
	tests := []struct {
		name      string
		body      string
		header    http.Header
		signed    time.Time // the signature's start; zero: no request
		want      []string
		notWanted []string
	}{{
		name:   "RequestTimeTooSkewed: the local clock is behind",
		body:   `<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the server's time is too large.</Message><RequestId>MQ==</RequestId></Error>`,
		header: date(now.Add(20 * time.Minute)),
		signed: now,
		want:   []string{"behind the server's: set it right (NTP) and sign again"},
	}, {
		name:      "Request has expired: a presigned URL used too late",
		body:      accessDenied("Request has expired"),
		header:    date(now),
		signed:    now.Add(-2 * time.Hour),
		want:      []string{"the local clock is right, so the signature itself expired", "the signature's q-sign-time", "ended 1h0m"},
		notWanted: []string{"behind the server's", "ahead of the server's"},
	}, {
		name:   "Request has expired: the signer's clock is ahead",
		body:   accessDenied("Request has expired"),
		header: date(now.Add(-time.Hour)),
		signed: now,
		want:   []string{"ahead of the server's", "after the server's time", "the signer's clock is ahead"},
	}, {
		name:   "Request has expired, no request: the key time of the StringToSign",
		body:   `<Error><Code>AccessDenied</Code><Message>Request has expired</Message><StringToSign>sha1` + "\n1615113257;1615199657\nc7503b92a8581b3f3f68c8f7f64a8917b03a1a95\n" + `</StringToSign><ServerTime>2021-03-09T10:00:00Z</ServerTime><RequestId>MQ==</RequestId></Error>`,
		header: nil,
		want:   []string{"the signature's key time 2021-03-07T10:34:17Z..2021-03-08T10:34:17Z (24h0m0s) ended 23h25m43s before the server's time 2021-03-09T10:00:00Z"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var req *http.Request
			if !tt.signed.IsZero() {
				req = newRequest(t, "GET", "/a.txt")
				sign(req, testSecretID, testSecretKey, tt.signed, time.Hour)
			}
			d := coserr.Diagnose(parse(t, 403, tt.header, tt.body), req)
			report := d.String()
			for _, w := range tt.want {
				assert.Contains(t, report, w)
			}
			for _, w := range tt.notWanted {
				assert.NotContains(t, report, w)
			}
			assertNoSecret(t, report, req)
		})
	}
}

func TestDiagnoseHost(t *testing.T) {
	tests := []struct {
		name, target, body string
		status             int
		want               string
	}{{
		name:   "bucket without its APPID",
		target: "https://examplebucket.cos.ap-guangzhou.myqcloud.com/a.txt",
		body:   `<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message><RequestId>MQ==</RequestId></Error>`,
		status: 404,
		want:   `the host examplebucket.cos.ap-guangzhou.myqcloud.com names the bucket "examplebucket" without its -APPID suffix: use the full name, as in examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com`,
	}, {
		name:   "path-style bucket without its APPID",
		target: "https://cos.ap-guangzhou.myqcloud.com/examplebucket/a.txt",
		body:   `<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message><RequestId>MQ==</RequestId></Error>`,
		status: 404,
		want:   `names the bucket "examplebucket" without its -APPID suffix`,
	}, {
		name:   "bucket with its APPID, and yet no such bucket",
		target: "https://" + testHost + "/a.txt",
		body:   `<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message><RequestId>MQ==</RequestId></Error>`,
		status: 404,
		want:   `names the bucket "examplebucket-1250000000" with an -APPID suffix, so a missing suffix is not the cause`,
	}, {
		name:   "a HEAD's bodiless 404 from a bucket with its APPID",
		target: "https://" + testHost + "/a.txt",
		status: 404,
		want:   `names the bucket "examplebucket-1250000000" with an -APPID suffix, so a missing suffix is not the cause`,
	}, {
		name:   "region other than the response names",
		target: "https://" + testHost + "/a.txt",
		body:   `<Error><Code>AccessDenied</Code><Message>Access Denied.</Message><Resource>examplebucket-1250000000.cos.ap-beijing.myqcloud.com/a.txt</Resource><RequestId>MQ==</RequestId></Error>`,
		status: 403,
		want:   "the request went to region ap-guangzhou, but the response names ap-beijing in its Resource",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest("GET", tt.target, nil)
			require.NoError(t, err)
			d := coserr.Diagnose(parse(t, tt.status, nil, tt.body), req)
			assert.Contains(t, strings.Join(d.Findings, "\n"), tt.want)
		})
	}
	t.Run("a right host gives no host finding", func(t *testing.T) {
		req := newRequest(t, "GET", "/a.txt")
		d := coserr.Diagnose(parse(t, 404, nil, `<Error><Code>NoSuchKey</Code><Resource>`+testHost+`/a.txt</Resource><RequestId>MQ==</RequestId></Error>`), req)
		assert.Empty(t, d.Findings)
	})
}

func TestDiagnoseSlowDown(t *testing.T) {
	body := `<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>MQ==</RequestId></Error>`
	d := coserr.Diagnose(parse(t, 503, http.Header{"Retry-After": {"3"}}, body), newRequest(t, "PUT", "/a.txt"))
	assert.True(t, d.Retryable)
	assert.Contains(t, d.Findings, "COS asked to wait 3s before trying again (Retry-After)")
	assert.Contains(t, d.String(), "30,000 read or write requests per second for a bucket in ap-guangzhou")
	d = coserr.Diagnose(parse(t, 503, nil, body), nil)
	assert.Contains(t, d.String(), "COS sent no Retry-After")
	assert.Contains(t, d.String(), "3,000 elsewhere")
}

func TestDiagnoseRefererAndOrigin(t *testing.T) {
	referer := accessDenied("You are denied by bucket referer rule")
	req := newRequest(t, "GET", "/a.png", "Referer: https://shop.example.com/item?token="+testToken)
	d := coserr.Diagnose(parse(t, 403, nil, referer), req)
	assert.Contains(t, d.Findings, `the request's Referer was "https://shop.example.com/item": the bucket's referer rule does not allow it`)
	assertNoSecret(t, d.String(), req)
	d = coserr.Diagnose(parse(t, 403, nil, referer), newRequest(t, "GET", "/a.png"))
	assert.Contains(t, d.String(), "the request sent no Referer")

	req = newRequest(t, "OPTIONS", "/a.png", "Origin: https://app.example.com", "Access-Control-Request-Method: PUT")
	d = coserr.Diagnose(parse(t, 403, nil, accessDenied("AccessForbidden")), req)
	assert.Equal(t, coserr.AccessForbidden, d.Code)
	assert.Contains(t, d.String(), `the request's Origin was "https://app.example.com" with Access-Control-Request-Method "PUT"`)
}

func TestDiagnoseClientError(t *testing.T) {
	target := "https://" + testHost + "/a.txt?q-sign-algorithm=sha1&q-ak=" + testSecretID + "&q-signature=0123abcdplanted&x-cos-security-token=" + testToken
	tests := []struct {
		name      string
		cause     error
		want      string
		retryable bool
	}{
		{"dns", &net.DNSError{Err: "no such host", Name: testHost, IsNotFound: true}, "the host name did not resolve (DNS): a retry will not help", false},
		{"refused", &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}, "the connection was refused", true},
		{"tls", x509.UnknownAuthorityError{}, "the TLS handshake or the server's certificate failed: a retry will not help", false},
		{"timeout", context.DeadlineExceeded, "the request timed out: a retry can help", true},
		{"canceled", context.Canceled, "the caller canceled the request", false},
		{"eof", wrapEOF{}, "the response was cut short", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest("GET", target, nil)
			require.NoError(t, err)
			cause := error(&url.Error{Op: "Get", URL: target, Err: tt.cause})
			d := coserr.Diagnose(cause, req)
			require.NotNil(t, d)
			assert.Nil(t, d.Code)
			assert.Equal(t, tt.retryable, d.Retryable)
			report := d.String()
			assert.Contains(t, report, tt.want)
			assert.Contains(t, report, "No request id")
			assert.NotContains(t, report, "0123abcdplanted")
			assertNoSecret(t, report, req)
		})
	}
}

// wrapEOF is a transport error that wraps io.ErrUnexpectedEOF.
type wrapEOF struct{}

func (wrapEOF) Error() string { return "read: unexpected EOF" }
func (wrapEOF) Unwrap() error { return errUnexpectedEOF }

var errUnexpectedEOF = io.ErrUnexpectedEOF

// An append cut off after it was sent is not retried: it may have been applied.
func TestDiagnoseClientErrorAppend(t *testing.T) {
	req := newRequest(t, "POST", "/log.txt?append&position=0")
	reset := &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}
	d := coserr.Diagnose(&url.Error{Op: "Post", URL: req.URL.String(), Err: reset}, req)
	assert.False(t, d.Retryable)
	assert.Contains(t, d.String(), "Retry: no.")
	assert.Contains(t, d.String(), "the connection was reset or broke while in use: not retried: the request is not idempotent (an append)")
}

// A failure only the text of its error describes is not retried, and the
// report says why; it is no append.
func TestDiagnoseClientErrorFromText(t *testing.T) {
	req := newRequest(t, "GET", "/a.txt")
	d := coserr.Diagnose(errors.New("part 3 failed: read tcp 10.0.0.1:443: connection reset by peer"), req)
	assert.False(t, d.Retryable)
	assert.Contains(t, d.String(), "Retry: no.")
	assert.Contains(t, d.String(), "not retried: only the error's text says so")
	assert.NotContains(t, d.String(), "append")
}

// A network that is unreachable is retryable, and said so.
func TestDiagnoseClientErrorUnreachable(t *testing.T) {
	req := newRequest(t, "GET", "/a.txt")
	d := coserr.Diagnose(&url.Error{Op: "Get", URL: req.URL.String(), Err: os.NewSyscallError("connect", syscall.ENETUNREACH)}, req)
	assert.True(t, d.Retryable)
	assert.Contains(t, d.String(), "the network or the host was unreachable")
}

// The catalog's hints: one about COS's message first, none about another
// message, and the class's for an error without a code.
func TestDiagnoseHints(t *testing.T) {
	for _, tt := range []struct{ sent, hint string }{
		{"Access Denied.", "Access Denied."},
		{"You are denied by bucket referer rule", "You are denied by bucket referer rule"},
		// POST Object's message goes on with its timestamps.
		{"You post object request has been expired, expiration time: 1700000000, current time: 1700000100", "You post object request has been expired"},
	} {
		t.Run(tt.sent, func(t *testing.T) {
			d := coserr.Diagnose(parse(t, 403, nil, accessDenied(tt.sent)), nil)
			require.NotEmpty(t, d.Hints)
			assert.Equal(t, tt.hint, d.Hints[0].Message, "the hint about the message comes first")
			for _, h := range d.Hints {
				assert.Contains(t, []string{"", tt.hint}, h.Message, "a hint about another message")
			}
			report := d.String()
			_, hints, id := sections(t, report)
			require.Positive(t, hints)
			assert.Less(t, hints, id)
			assert.Contains(t, report, "1. "+d.Hints[0].Cause)
			assert.Contains(t, report, "Fix: "+d.Hints[0].Fix)
		})
	}
	t.Run("a HEAD 404 without a body", func(t *testing.T) {
		d := coserr.Diagnose(parse(t, 404, http.Header{"X-Cos-Request-Id": {"NjA3"}}, ""), nil)
		assert.Nil(t, d.Code)
		assert.Equal(t, coserr.ErrNotFound, d.Class)
		assert.Equal(t, coserr.ErrNotFound.Hints(), d.Hints)
		assert.NotEmpty(t, d.Hints)
		assert.Contains(t, d.String(), "Request id: NjA3")
	})
	t.Run("every code's hints are the catalog's, in its order, when its message is no hint's", func(t *testing.T) {
		for _, c := range coserr.Codes() {
			d := coserr.Diagnose(c, nil)
			var want []coserr.Hint
			for _, h := range c.Hints() {
				if h.Message == "" {
					want = append(want, h)
				}
			}
			if len(want) == 0 {
				want = c.Hints()
			}
			assert.Equal(t, want, d.Hints, c.Name())
		}
	})
}
