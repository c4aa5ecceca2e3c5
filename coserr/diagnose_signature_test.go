package coserr_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

const testHost = "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com"

// newRequest is a request to testHost, with the headers given as
// "Key: value" pairs.
func newRequest(t *testing.T, method, target string, headers ...string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, "https://"+testHost+target, nil)
	require.NoError(t, err)
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		req.Header.Set(k, v)
	}
	return req
}

// A request signed as cos-go-sdk-v5 signs it, against the FormatString COS
// computed from what reached it: the report names the first field that
// differs, with both sides unless they are secret.
func TestDiagnoseSignatureDiffers(t *testing.T) {
	start := time.Unix(1700000000, 0)
	tests := []struct {
		name       string
		client     func(t *testing.T) *http.Request // the request as signed and sent
		server     func(t *testing.T) *http.Request // the request as COS read it
		alterHash  bool
		want, omit []string
	}{{
		name:   "method",
		client: func(t *testing.T) *http.Request { return newRequest(t, "PUT", "/a.txt") },
		server: func(t *testing.T) *http.Request { return newRequest(t, "POST", "/a.txt") },
		want:   []string{`the method: COS signed "post", the request "put"`},
	}, {
		name:   "parameter value",
		client: func(t *testing.T) *http.Request { return newRequest(t, "GET", "/a.txt?versionId=v1") },
		server: func(t *testing.T) *http.Request { return newRequest(t, "GET", "/a.txt?versionId=v2") },
		want:   []string{`the parameter versionid: COS signed "v2", the request "v1"`},
	}, {
		name:   "header dropped on the way",
		client: func(t *testing.T) *http.Request { return newRequest(t, "PUT", "/a.txt", "x-cos-meta-team: blue") },
		server: func(t *testing.T) *http.Request { return newRequest(t, "PUT", "/a.txt") },
		want:   []string{"the header x-cos-meta-team: the request signed it, COS did not"},
	}, {
		name: "security token, never shown",
		client: func(t *testing.T) *http.Request {
			return newRequest(t, "GET", "/a.txt", "x-cos-security-token: "+testToken)
		},
		server: func(t *testing.T) *http.Request {
			return newRequest(t, "GET", "/a.txt", "x-cos-security-token: "+testToken+"-other")
		},
		want: []string{"the header x-cos-security-token differs between what COS signed and what the request signed (values not shown)"},
		omit: []string{testToken},
	}, {
		name: "strict signing mode",
		client: func(t *testing.T) *http.Request {
			return newRequest(t, "PUT", "/a.txt")
		},
		server: func(t *testing.T) *http.Request {
			return newRequest(t, "PUT", "/a.txt", "Content-Type: text/plain", "Content-Length: 5")
		},
		want: []string{
			"the header content-length: COS signed it, the request did not",
			"COS signed content-length and content-type although q-header-list leaves it out: the bucket is in strict signing mode",
		},
	}, {
		name:   "same FormatString: the key is wrong",
		client: func(t *testing.T) *http.Request { return newRequest(t, "GET", "/a.txt?acl") },
		server: func(t *testing.T) *http.Request { return newRequest(t, "GET", "/a.txt?acl") },
		want:   []string{"the SecretKey does not belong to the SecretId"},
	}, {
		name:      "a body whose hash is not its FormatString's",
		client:    func(t *testing.T) *http.Request { return newRequest(t, "GET", "/a.txt") },
		server:    func(t *testing.T) *http.Request { return newRequest(t, "GET", "/a.txt") },
		alterHash: true,
		want:      []string{"the body was changed on the way or cut when copied"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := tt.client(t)
			sign(req, testSecretID, testSecretKey, start, time.Hour)
			if tt.name == "strict signing mode" { // sent with headers it did not sign
				req.Header.Set("Content-Type", "text/plain")
				req.Header.Set("Content-Length", "5")
			}
			serverFS, _, _ := formatString(tt.server(t))
			body := signatureBody(serverFS, "1700000000;1700003600", testHost+"/a.txt")
			if tt.alterHash {
				body = strings.Replace(body, sha1Hex(serverFS), strings.Repeat("0", 40), 1)
			}
			d := coserr.Diagnose(parse(t, 403, nil, body), req)
			require.NotNil(t, d)
			assert.Equal(t, coserr.SignatureDoesNotMatch, d.Code)
			report := d.String()
			for _, w := range tt.want {
				assert.Contains(t, strings.Join(d.Findings, "\n"), w)
				assert.Contains(t, report, w)
			}
			for _, o := range tt.omit {
				assert.NotContains(t, report, o)
			}
			assertNoSecret(t, report, req)
		})
	}
}

// Without a FormatString in the body (COS sent AccessDenied with the
// message SignatureDoesNotMatch), the request's own signature is checked.
func TestDiagnoseSignatureWithoutFormatString(t *testing.T) {
	const body = `<Error><Code>AccessDenied</Code><Message>SignatureDoesNotMatch</Message><RequestId>NWQ0ZDc=</RequestId></Error>`
	t.Run("a plus in the key", func(t *testing.T) {
		req := newRequest(t, "PUT", "/a+b.txt")
		sign(req, testSecretID, testSecretKey, time.Unix(1700000000, 0), time.Hour)
		d := coserr.Diagnose(parse(t, 403, nil, body), req)
		assert.Equal(t, coserr.SignatureDoesNotMatch, d.Code)
		assert.Contains(t, d.String(), `the path "/a+b.txt" has a '+' sent as it is, which COS reads as a space: send it as %2B`)
		assert.Contains(t, d.String(), `(sent as AccessDenied: "SignatureDoesNotMatch")`)
	})
	t.Run("content headers left unsigned", func(t *testing.T) {
		req := newRequest(t, "PUT", "/a.txt")
		sign(req, testSecretID, testSecretKey, time.Unix(1700000000, 0), time.Hour)
		req.Header.Set("Content-Type", "image/png")
		d := coserr.Diagnose(parse(t, 403, nil, body), req)
		assert.Contains(t, d.String(), "q-header-list leaves out content-type, which the request sends: a bucket in strict signing mode wants Content-Type and Content-Length signed")
	})
	t.Run("a signed header that was not sent", func(t *testing.T) {
		req := newRequest(t, "PUT", "/a.txt", "x-cos-meta-a: 1")
		sign(req, testSecretID, testSecretKey, time.Unix(1700000000, 0), time.Hour)
		req.Header.Del("x-cos-meta-a")
		d := coserr.Diagnose(parse(t, 403, nil, body), req)
		assert.Contains(t, d.String(), "the signature lists the header x-cos-meta-a, which the request did not send")
	})
}

// An error that kept its request's URL (cosv5.Wrap's, FromResponse's)
// but is diagnosed without the request: when COS signed the path the
// request names, the key's encoding is ruled out, and the report says so
// (it said nothing, under a first likely cause about the key's encoding).
func TestDiagnoseSignatureSamePathNoRequest(t *testing.T) {
	body := "<Error><Code>SignatureDoesNotMatch</Code><Message>The Signature you specified is invalid.</Message>" +
		"<StringToSign>sha1\n1700000000;1700003600\n0000\n</StringToSign><FormatString>get\n/dir/a b+c.txt\n\nhost=" + testHost + "\n</FormatString>" +
		"<RequestId>NWQ0ZDc=</RequestId></Error>"
	se := &coserr.ServiceError{StatusCode: 403, Code: "SignatureDoesNotMatch", Message: "The Signature you specified is invalid.",
		RequestID: "NWQ0ZDc=", Method: http.MethodGet, URL: "https://" + testHost + "/dir/a%20b%2Bc.txt", Body: []byte(body)}
	d := coserr.Diagnose(se, nil)
	assert.Contains(t, strings.Join(d.Findings, "\n"),
		`COS signed the path the request names, "/dir/a b+c.txt": the key's encoding is not the cause; the difference is in the signed parameters or headers, or in the SecretKey`)
}

// A key whose path holds what reads as a secret's name (sign=, token=)
// is user data: a finding shows it whole, as the request sent it.
func TestDiagnoseSignaturePathLikeSecret(t *testing.T) {
	body := "<Error><Code>SignatureDoesNotMatch</Code><Message>The Signature you specified is invalid.</Message>" +
		"<FormatString>put\n/exports/sign=2024/a b.csv\n\nhost=" + testHost + "\n</FormatString><RequestId>NWQ0ZDc=</RequestId></Error>"
	req, err := http.NewRequest(http.MethodPut, "https://"+testHost+"/exports/sign=2024/a+b.csv", nil)
	require.NoError(t, err)
	d := coserr.Diagnose(parse(t, 403, nil, body), req)
	assert.Contains(t, d.String(), `the path: COS signed "/exports/sign=2024/a b.csv", the request "/exports/sign=2024/a+b.csv": a '+' in the key was read as a space`)
}
