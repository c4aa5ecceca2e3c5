package diagnose

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScrub(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Authorization: q-sign-algorithm=sha1&q-ak=AKID1&q-signature=abc", "Authorization: REDACTED"},
		{"GET /a?q-sign-time=1;2&q-ak=AKID1&q-signature=abc&x-cos-security-token=tok HTTP/1.1",
			"GET /a?q-sign-time=1;2&q-ak=REDACTED&q-signature=REDACTED&x-cos-security-token=REDACTED HTTP/1.1"},
		{`{"SecretKey": "sk1", "token":"t1"}`, `{"SecretKey": "REDACTED", "token":"REDACTED"}`},
		{"<SecretKey>sk1</SecretKey><Code>X</Code>", "<SecretKey>REDACTED</SecretKey><Code>X</Code>"},
		{"sign=q-sign-algorithm%3Dsha1%26q-ak%3DAKID1%26q-signature%3Dabc", "sign=REDACTED"},
		{"x?u=q-ak%3DAKID1%26q-signature%3Dabc", "x?u=q-ak%3DREDACTED%26q-signature%3DREDACTED"},
		{"The Signature you specified is invalid.", "The Signature you specified is invalid."},
		{"q-sign-time=1;2&q-header-list=host;x-cos-meta-a", "q-sign-time=1;2&q-header-list=host;x-cos-meta-a"},
		{"exports/design=2024/a.csv", "exports/design=2024/a.csv"},
		{"exports/sign=2024/a.csv", "exports/sign=2024/a.csv"},
		{`the path: COS signed "/exports/token=1 b.csv", the request "/exports/token=1+b.csv"`, `the path: COS signed "/exports/token=1 b.csv", the request "/exports/token=1+b.csv"`},
		{"GET /exports/sign=2024/a.csv?sign=abc&token=t1", "GET /exports/sign=2024/a.csv?sign=REDACTED&token=REDACTED"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Scrub(tt.in)
			assert.Equal(t, tt.want, got, "Scrub(%q)", tt.in)
			assert.Equal(t, got, Scrub(got), "a second pass changes nothing")
		})
	}
}

func TestOrderHints(t *testing.T) {
	hs := []Hint{
		{Cause: "a"}, {Cause: "referer", Message: "You are denied by bucket referer rule"}, {Cause: "b"},
		{Cause: "post", Message: "You post object request has been expired"},
	}
	tests := []struct {
		message string
		want    []string
	}{
		{" you are denied by bucket referer rule. ", []string{"referer", "a", "b"}},
		{"You post object request has been expired, expiration time: 1, current time: 2", []string{"post", "a", "b"}},
		{"Access Denied.", []string{"a", "b"}},
		{"", []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.message, func(t *testing.T) {
			assert.Equal(t, tt.want, causes(OrderHints(hs, tt.message)))
		})
	}
	assert.Equal(t, []string{"a", "referer", "b", "post"}, causes(hs), "the input is left as it was")
	only := []Hint{{Cause: "x", Message: "X"}}
	assert.Equal(t, []string{"x"}, causes(OrderHints(only, "Y")), "every hint when none fits")
}

// causes lists the causes of hints.
func causes(hs []Hint) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Cause)
	}
	return out
}

func TestReportOrder(t *testing.T) {
	r := Report{
		Facts: Facts{Code: "NoSuchBucket", Description: "The specified bucket does not exist.", Class: "NotFound",
			Hints: []Hint{{Cause: "first cause", Fix: "first fix"}, {Cause: "second cause", Fix: "second fix"}}},
		Input:    &Input{Status: 404, Code: "NoSuchBucket", RequestID: "NjA3", Message: "Authorization: q-ak=AKID1&q-signature=abc"},
		Findings: []string{"a finding"},
	}
	s := r.String()
	order := []string{"NoSuchBucket [HTTP 404, class NotFound]", "The specified bucket does not exist.", "Retry: no",
		"Findings:", "a finding", "Likely causes, most likely first:", "1. first cause", "Fix: first fix", "2. second cause",
		"Request id: NjA3", ToolURL}
	at := -1
	for _, w := range order {
		i := strings.Index(s, w)
		require.Greater(t, i, at, "%q out of order in\n%s", w, s)
		at = i
	}
	assert.NotContains(t, s, "AKID1")
	assert.NotContains(t, s, "abc")
	assert.Empty(t, (*Report)(nil).String())
}

func TestParseTextNothing(t *testing.T) {
	for _, s := range []string{"", "   \n", strings.Repeat("no error here\n", 3)} {
		_, ok := ParseText(s)
		assert.False(t, ok, "ParseText(%q)", s)
	}
}

func TestParseTextFields(t *testing.T) {
	tests := []struct {
		paste string
		want  Input
	}{
		{`<Error><Code>NoSuchKey</Code><Message>m</Message><Resource>r</Resource><RequestId>id</RequestId><TraceId>tr</TraceId></Error>`,
			Input{Code: "NoSuchKey", Message: "m", Resource: "r", RequestID: "id", TraceID: "tr"}},
		{`<Response><Code>InvalidArgument</Code><Message>Part is required</Message><RequestId>id</RequestId></Response>`,
			Input{Code: "InvalidArgument", Message: "Part is required", RequestID: "id"}},
		{`{"Response":{"Error":{"Code":"InvalidParameter","Message":"m"},"RequestId":"id"}}`,
			Input{Code: "InvalidParameter", Message: "m", RequestID: "id"}},
		{`{"code": 403, "message": "m", "request_id": "id"}`, Input{Code: "403", Message: "m", RequestID: "id"}},
		{"cos: 412 PreconditionFailed (request id id)", Input{Status: 412, Code: "PreconditionFailed", RequestID: "id"}},
		{"cos: 500 InternalError: We encountered an internal error: try again (request id id)",
			Input{Status: 500, Code: "InternalError", Message: "We encountered an internal error: try again", RequestID: "id"}},
	}
	for _, tt := range tests {
		t.Run(tt.paste, func(t *testing.T) {
			in, ok := ParseText(tt.paste)
			require.True(t, ok)
			got := Input{Status: in.Status, Code: in.Code, Message: in.Message, Resource: in.Resource, RequestID: in.RequestID, TraceID: in.TraceID}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		text      string
		kind      Kind
		temporary bool
	}{
		{"dial tcp: lookup x.cos.ap-guangzhou.myqcloud.com on 127.0.0.53:53: no such host", KindDNS, false},
		{"lookup x on 10.0.0.2:53: read udp: i/o timeout", KindDNS, true},
		{"dial tcp 1.2.3.4:443: connect: connection refused", KindRefused, false},
		{"read tcp 1.2.3.4:443: read: connection reset by peer", KindReset, false},
		{"tls: failed to verify certificate: x509: certificate signed by unknown authority", KindTLS, false},
		{"net/http: request canceled (Client.Timeout exceeded while awaiting headers)", KindTimeout, false},
		{"net/http: request canceled", KindCanceled, false},
		{"context deadline exceeded", KindTimeout, false},
		{"unexpected EOF", KindEOF, false},
		{"HTTPSConnectionPool(host='x', port=443): Max retries exceeded (Caused by NameResolutionError)", KindDNS, false},
		{"Error: connect ECONNREFUSED 127.0.0.1:443", KindRefused, false},
		{"Error: read ECONNRESET", KindReset, false},
		{"Error: socket hang up", KindReset, false},
		{"Error: connect ETIMEDOUT 1.2.3.4:443", KindTimeout, false},
		{"Error: getaddrinfo EAI_AGAIN examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com", KindDNS, true},
		{"java.net.UnknownHostException: examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com", KindDNS, false},
		{"java.net.SocketTimeoutException: Read timed out", KindTimeout, false},
		{"java.net.ConnectException: Connection refused (Connection refused)", KindRefused, false},
		{`Get "https://x/a": http2: server sent GOAWAY and closed the connection; LastStreamID=1, ErrCode=NO_ERROR, debug=""`, KindReset, false},
		{"something else", KindOther, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			k, tmp := ClassifyText(tt.text)
			assert.Equal(t, tt.kind, k)
			assert.Equal(t, tt.temporary, tmp)
		})
	}
	k, _, fromText := ClassifyError(&url.Error{Op: "Get", URL: "https://x", Err: errors.New("net/http: TLS handshake timeout")})
	assert.Equal(t, KindTimeout, k)
	assert.True(t, fromText, "no type says it: read from the text")
	k, _, fromText = ClassifyError(&url.Error{Op: "Get", URL: "https://x", Err: syscall.EHOSTUNREACH})
	assert.Equal(t, KindUnreachable, k)
	assert.False(t, fromText)
}

// A window that covers the server's time is no expiry.
func TestClockInsideWindow(t *testing.T) {
	u, err := url.Parse("https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a?q-sign-algorithm=sha1&q-sign-time=1700000000;1700003600&q-key-time=1700000000;1700003600&q-signature=x")
	require.NoError(t, err)
	in := &Input{Status: 403, Code: "RequestTimeTooSkewed", ServerTime: time.Unix(1700000100, 0), Request: &Request{Method: http.MethodGet, URL: u}}
	got := Findings(in, Facts{Code: "RequestTimeTooSkewed", ClockSkew: true})
	assert.Equal(t, []string{"the server's time 2023-11-14T22:15:00Z is inside the signature's q-sign-time 2023-11-14T22:13:20Z..2023-11-14T23:13:20Z (1h0m0s)"}, got)
}

func TestHostRegion(t *testing.T) {
	u, err := url.Parse("https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt")
	require.NoError(t, err)
	tests := []struct {
		name string
		in   Input
		want string
	}{
		{"Region element", Input{Elements: map[string]string{"Region": "ap-shanghai"}}, "but the response names ap-shanghai in its Region"},
		{"Endpoint element", Input{Elements: map[string]string{"Endpoint": "examplebucket-1250000000.cos.ap-chengdu.myqcloud.com"}}, "but the response names ap-chengdu in its Endpoint"},
		{"header", Input{Header: http.Header{"X-Cos-Bucket-Region": {"ap-beijing"}}}, "but the response names ap-beijing in the x-cos-bucket-region header"},
		{"same region", Input{Elements: map[string]string{"Region": "ap-guangzhou"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			in.Status, in.Code, in.Request = 301, "PermanentRedirect", &Request{Method: "GET", URL: u}
			got := strings.Join(Findings(&in, Facts{Code: "PermanentRedirect"}), "\n")
			if tt.want == "" {
				assert.Empty(t, got)
				return
			}
			assert.Contains(t, got, "the request went to region ap-guangzhou, "+tt.want)
		})
	}
}

// TestFindingsFollowFacts: the catalog's facts about the code choose the
// checks, never the code's spelling or the status alone: a code the
// catalog does not call throttling gets no rate-limit findings though its
// status is 429, and a code whose catalog entry names a check gets it
// whatever it is called.
func TestFindingsFollowFacts(t *testing.T) {
	u, err := url.Parse("https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a+b.txt?q-sign-algorithm=sha1&q-sign-time=1700000000;1700003600&q-key-time=1700000000;1700003600&q-header-list=host&q-url-param-list=&q-signature=x")
	require.NoError(t, err)
	tests := []struct {
		name  string
		in    Input
		facts Facts
		want  []string // substrings of the findings
		not   []string // substrings the findings must not have
	}{
		{"429 of a code that is no throttling", Input{Status: 429, Code: "SlowDown"}, Facts{Code: "SlowDown", Class: "BadRequest"},
			nil, []string{"Retry-After", "request-rate"}},
		{"throttling by the catalog", Input{Status: 400, Code: "Busy"}, Facts{Code: "Busy", Class: "Throttled"},
			[]string{"COS sent no Retry-After"}, nil},
		{"unknown code at 429", Input{Status: 429, Code: "Whatever"}, Facts{Class: "Throttled"},
			[]string{"COS sent no Retry-After"}, nil},
		{"no clock skew in the catalog", Input{Status: 403, Code: "RequestTimeTooSkewed", ServerTime: time.Unix(1700000100, 0)}, Facts{Code: "RequestTimeTooSkewed", Class: "Unauthenticated"},
			nil, []string{"q-sign-time"}},
		{"clock skew by the catalog", Input{Status: 403, Code: "AccessDenied", Message: "Request has expired", ServerTime: time.Unix(1700000100, 0)}, Facts{Code: "Request has expired", ClockSkew: true},
			[]string{"q-sign-time"}, nil},
		{"signature check", Input{Status: 403, Code: "AnyName", Elements: map[string]string{}}, Facts{Code: "AnyName", Checks: []string{CheckSignature}},
			[]string{"has a '+' sent as it is"}, []string{"Origin"}},
		{"no signature check", Input{Status: 403, Code: "SignatureDoesNotMatch"}, Facts{Code: "SignatureDoesNotMatch"},
			nil, []string{"has a '+' sent as it is"}},
		{"CORS check", Input{Status: 403, Code: "AnyName"}, Facts{Code: "AnyName", Checks: []string{CheckCORS}},
			[]string{"Origin"}, []string{"has a '+' sent as it is"}},
		{"no CORS check", Input{Status: 403, Code: "AccessForbidden"}, Facts{Code: "AccessForbidden"},
			nil, []string{"Origin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			in.Request = &Request{Method: http.MethodGet, URL: u, Header: http.Header{}}
			got := strings.Join(Findings(&in, tt.facts), "\n")
			for _, w := range tt.want {
				assert.Contains(t, got, w)
			}
			for _, n := range tt.not {
				assert.NotContains(t, got, n)
			}
		})
	}
}
