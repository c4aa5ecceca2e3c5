package coserr_test

import (
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// TestParseNeverTypedNil: a function that returns Parse's result as an
// error succeeds when Parse finds no error.
func TestParseNeverTypedNil(t *testing.T) {
	get := func(status int, body string) error { return coserr.Parse(status, nil, []byte(body)) }
	require.NoError(t, get(200, ""))
	require.NoError(t, get(200, `<CopyObjectResult><ETag>"x"</ETag></CopyObjectResult>`))
	require.NoError(t, get(204, ""))
	require.Error(t, get(404, ""))
	require.Error(t, get(200, "<Error><Code>InternalError</Code></Error>"))
}

// TestFromResponseNil: no response is no success.
func TestFromResponseNil(t *testing.T) {
	err := coserr.FromResponse(nil)
	require.Error(t, err)
	var ce *coserr.ClientError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "cos: no response", err.Error())
	assert.False(t, coserr.IsRetryable(err))
}

// TestOddStatuses: a status outside 100..599 is an error for FromResponse
// and Parse alike, with no class and no retry, and never a panic; 1xx and
// 2xx are success.
func TestOddStatuses(t *testing.T) {
	for _, status := range []int{-1, 0, 1, 99, 600, 999, 1 << 30} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			body := "<Error><Code>Whatever</Code><Message>odd</Message></Error>"
			fromParse := coserr.Parse(status, nil, []byte(body))
			fromResp := coserr.FromResponse(&http.Response{StatusCode: status, Body: io.NopCloser(strings.NewReader(body)), Header: http.Header{}})
			for _, err := range []error{fromParse, fromResp} {
				var se *coserr.ServiceError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, status, se.StatusCode)
				assert.Equal(t, "Whatever", se.Code)
				assert.Nil(t, se.Class())
				assert.False(t, coserr.IsRetryable(err))
				assert.True(t, strings.HasPrefix(err.Error(), "cos: "+strconv.Itoa(status)), "Error() = %q", err)
			}
		})
	}
	for _, status := range []int{100, 103, 200, 299} {
		assert.NoError(t, coserr.Parse(status, nil, nil), "Parse(%d)", status)
		assert.NoError(t, coserr.FromResponse(&http.Response{StatusCode: status, Body: http.NoBody}), "FromResponse(%d)", status)
	}
}

// TestErrorTextOneLine: Error is one readable line, however long or
// broken the message; Message keeps it whole.
func TestErrorTextOneLine(t *testing.T) {
	long := strings.Repeat("é", 30<<10) // 60 KiB
	tests := []struct{ name, message string }{
		{"60 KiB", long},
		{"line breaks", "first line\nsecond\tline\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := coserr.Parse(400, nil, []byte("<Error><Code>InvalidArgument</Code><Message>"+tt.message+"</Message></Error>"))
			var se *coserr.ServiceError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.message, se.Message)
			text := err.Error()
			assert.LessOrEqual(t, len(text), 600)
			assert.True(t, utf8.ValidString(text))
			assert.NotContains(t, text, "\n")
			assert.NotContains(t, text, "\r")
			assert.True(t, strings.HasPrefix(text, "cos: 400 InvalidArgument: "), "Error() = %q", text)
		})
	}
	short := coserr.Parse(404, nil, []byte("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"))
	assert.Equal(t, "cos: 404 NoSuchKey: The specified key does not exist.", short.Error())
}

// TestDigestTrimmed: Digest gives the fields as the error holds them,
// without the white space around them in the body.
func TestDigestTrimmed(t *testing.T) {
	err := coserr.Parse(404, nil, []byte("<Error>\n<Code>\n  NoSuchKey \n</Code><RequestId> r1 </RequestId><Message> m </Message></Error>"))
	var se *coserr.ServiceError
	require.ErrorAs(t, err, &se)
	d := se.Digest()
	assert.Equal(t, "NoSuchKey", d["Code"])
	assert.Equal(t, "r1", d["RequestId"])
	assert.Equal(t, " m ", d["Message"], "the message is verbatim")
}

// TestDigestRedactsSecretElements: an element named like a credential is
// redacted whole, whatever its value looks like.
func TestDigestRedactsSecretElements(t *testing.T) {
	err := coserr.Parse(403, nil, []byte("<Error><Code>AccessDenied</Code><SecretId>AKIDabc</SecretId><SecretKey>k e y</SecretKey><Token>t0k</Token><Key>a.txt</Key></Error>"))
	var se *coserr.ServiceError
	require.ErrorAs(t, err, &se)
	d := se.Digest()
	assert.Equal(t, "REDACTED", d["SecretId"])
	assert.Equal(t, "REDACTED", d["SecretKey"])
	assert.Equal(t, "REDACTED", d["Token"])
	assert.Equal(t, "a.txt", d["Key"])
	assert.NotContains(t, se.Origin(), "AKIDabc", "Origin redacts the values of secrets")
	assert.Contains(t, string(se.Body), "AKIDabc", "Body is the body as received")
}

// TestFromCOS: only a response that carries a request id came from COS.
func TestFromCOS(t *testing.T) {
	tests := []struct {
		name string
		resp *http.Response
		want bool
	}{
		{"COS error", coserrtest.Response(coserr.NoSuchKey), true},
		{"request id only in the body", coserrtest.Response(coserr.NoSuchKey, coserrtest.WithHeader("X-Cos-Request-Id", "")), true},
		{"request id only in the header", coserrtest.Response(coserr.NoSuchKey, coserrtest.WithRequestID(""), coserrtest.WithHeader("X-Cos-Request-Id", "abc")), true},
		{"bodiless HEAD", coserrtest.Response(coserr.NoSuchKey, coserrtest.WithMethod(http.MethodHead)), true},
		{"CI", coserrtest.Response(nil, coserrtest.WithStatus(400), coserrtest.WithRequestID(""), coserrtest.WithHeader("X-Cos-Request-Id", ""), coserrtest.WithHeader("X-Ci-Request-Id", "ci1")), true},
		{"S3 header", coserrtest.Response(nil, coserrtest.WithStatus(500), coserrtest.WithRequestID(""), coserrtest.WithHeader("X-Cos-Request-Id", ""), coserrtest.WithHeader("X-Amz-Request-Id", "amz1")), true},
		{"proxy page", coserrtest.Response(nil, coserrtest.WithStatus(502), coserrtest.WithRequestID(""), coserrtest.WithHeader("X-Cos-Request-Id", ""), coserrtest.WithBody("text/html", "<html>Bad Gateway</html>")), false},
		{"captive portal", coserrtest.Response(nil, coserrtest.WithStatus(302), coserrtest.WithRequestID(""), coserrtest.WithHeader("X-Cos-Request-Id", ""), coserrtest.WithHeader("Location", "http://login.example/")), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var se *coserr.ServiceError
			require.ErrorAs(t, coserr.FromResponse(tt.resp), &se)
			assert.Equal(t, tt.want, se.FromCOS())
		})
	}
	var nilSE *coserr.ServiceError
	assert.False(t, nilSE.FromCOS())
}

// TestS3RequestIDs: ids COS sends under their S3 names are kept too.
func TestS3RequestIDs(t *testing.T) {
	h := http.Header{"X-Amz-Request-Id": {"amz-req"}, "X-Amz-Id-2": {"amz-id2"}}
	var se *coserr.ServiceError
	require.ErrorAs(t, coserr.Parse(503, h, nil), &se)
	assert.Equal(t, "amz-req", se.RequestID)
	assert.Equal(t, "amz-id2", se.TraceID)
	h.Set("X-Cos-Request-Id", "cos-req")
	require.ErrorAs(t, coserr.Parse(503, h, nil), &se)
	assert.Equal(t, "cos-req", se.RequestID, "x-cos-request-id wins")
}

// TestBackupEndpoint follows cos-go-sdk-v5's rule for switching to the
// backup domain.
func TestBackupEndpoint(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a/b.jpg?versionId=1", "https://examplebucket-1250000000.cos.ap-guangzhou.tencentcos.cn/a/b.jpg?versionId=1"},
		{"http://b-125.cos.ap-beijing-1.myqcloud.com:8080/k", "http://b-125.cos.ap-beijing-1.tencentcos.cn:8080/k"},
		{"https://EXAMPLE-125.COS.AP-CHENGDU.MYQCLOUD.COM/k", "https://example-125.cos.ap-chengdu.tencentcos.cn/k"},
		{"https://b-125.cos.accelerate.myqcloud.com/k", ""},
		{"https://b-125.cos.ap-guangzhou.tencentcos.cn/k", ""},
		{"https://service.cos.myqcloud.com/", ""},
		{"https://b-125.cos-website.ap-guangzhou.myqcloud.com/", ""},
		{"https://b-125.ci.ap-guangzhou.myqcloud.com/", ""},
		{"https://b.cos.ap-guangzhou.myqcloud.com/k", ""},
		{"https://cdn.example.com/k", ""},
		{"https://x.b-125.cos.ap-guangzhou.myqcloud.com/k", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			u, err := url.Parse(tt.in)
			require.NoError(t, err)
			orig := *u
			got, ok := coserr.BackupEndpoint(u)
			assert.Equal(t, orig, *u, "the argument is untouched")
			if tt.want == "" {
				assert.False(t, ok)
				assert.Nil(t, got)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.want, got.String())
			assert.NotSame(t, u, got)
		})
	}
	got, ok := coserr.BackupEndpoint(nil)
	assert.False(t, ok)
	assert.Nil(t, got)
}

// TestAppendRetry: an append cut off after it was sent may have reached
// COS, so it is not retried; one that never left the client is.
func TestAppendRetry(t *testing.T) {
	appendURL := "https://b-125.cos.ap-guangzhou.myqcloud.com/log.txt?append&position=1024"
	tests := []struct {
		name, method, url string
		cause             error
		want              bool
	}{
		{"append, reset after sending", http.MethodPost, appendURL, syscallOp("read", syscall.ECONNRESET), false},
		{"append, EOF", http.MethodPost, appendURL, io.ErrUnexpectedEOF, false},
		{"append, timeout", http.MethodPost, appendURL, netTimeout{}, false},
		{"append, refused dial", http.MethodPost, appendURL, syscallOp("dial", syscall.ECONNREFUSED), true},
		{"append, DNS", http.MethodPost, appendURL, &net.DNSError{Err: "server misbehaving", Name: "b-125.cos.ap-guangzhou.myqcloud.com", IsTemporary: true}, true},
		{"append with position first", http.MethodPost, "https://b/log.txt?position=0&append", io.ErrUnexpectedEOF, false},
		{"put, reset", http.MethodPut, "https://b/log.txt", syscallOp("read", syscall.ECONNRESET), true},
		{"post without append, EOF", http.MethodPost, "https://b/log.txt?uploads", io.ErrUnexpectedEOF, true},
		{"an object key named append", http.MethodPost, "https://b/append?uploads", io.ErrUnexpectedEOF, true},
		{"append spelled %61ppend, as COS decodes it", http.MethodPost, "https://b/log.txt?%61ppend&position=0", io.ErrUnexpectedEOF, false},
		{"append, method in lower case", "post", appendURL, io.ErrUnexpectedEOF, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, tt.url, nil)
			require.NoError(t, err)
			ce := coserr.FromTransport(req, &url.Error{Op: "Post", URL: tt.url, Err: tt.cause})
			assert.Equal(t, tt.want, coserr.IsRetryable(ce))
			assert.Equal(t, tt.want, coserr.IsRetryable(errors.Join(errors.New("upload"), ce)))
			bare := &url.Error{Op: "Post", URL: tt.url, Err: tt.cause}
			assert.Equal(t, tt.want, coserr.IsRetryable(bare), "a bare *url.Error")
		})
	}
}
