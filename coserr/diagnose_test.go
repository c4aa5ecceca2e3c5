package coserr_test

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// Secrets planted in the requests of these tests; no report may show one.
const (
	testSecretID  = "AKIDplantedSecretId0123456789"
	testSecretKey = "plantedSecretKeyDoNotShow"
	testToken     = "plantedSessionTokenDoNotShow"
)

// assertNoSecret fails when report shows a planted secret or a signature.
func assertNoSecret(t *testing.T, report string, req *http.Request) {
	t.Helper()
	for _, s := range []string{testSecretID, testSecretKey, testToken} {
		assert.NotContains(t, report, s)
	}
	if req != nil {
		if _, sig, ok := strings.Cut(req.Header.Get("Authorization"), "q-signature="); ok {
			assert.NotContains(t, report, sig)
		}
	}
}

// parse is Parse for a test: the error it returns, which must be one.
func parse(t *testing.T, status int, header http.Header, body string) error {
	t.Helper()
	err := coserr.Parse(status, header, []byte(body))
	require.Error(t, err)
	return err
}

// sections returns where each part of a report starts, so a test can
// check their order.
func sections(t *testing.T, report string) (findings, hints, requestID int) {
	t.Helper()
	return strings.Index(report, "Findings:"), strings.Index(report, "Likely causes"), strings.Index(report, "Request id:")
}

func TestDiagnoseNil(t *testing.T) {
	assert.Nil(t, coserr.Diagnose(nil, nil))
	assert.Empty(t, (*coserr.Diagnosis)(nil).String())
}

// A typed nil error of coserr's, bare or wrapped, is no error of a
// response or of a transport: Diagnose says nothing is known, and returns
// (it recursed until the stack overflowed, a fatal error no recover stops).
func TestDiagnoseTypedNil(t *testing.T) {
	req, err := http.NewRequest(http.MethodGet, "https://"+testHost+"/a.txt", nil)
	require.NoError(t, err)
	tests := []struct {
		name string
		err  error
	}{
		{"*ServiceError", (*coserr.ServiceError)(nil)},
		{"*ClientError", (*coserr.ClientError)(nil)},
		{"wrapped *ServiceError", fmt.Errorf("get: %w", (*coserr.ServiceError)(nil))},
		{"wrapped *ClientError", fmt.Errorf("get: %w", (*coserr.ClientError)(nil))},
	}
	for _, tt := range tests {
		for _, r := range []*http.Request{nil, req} {
			t.Run(fmt.Sprintf("%s/request %v", tt.name, r != nil), func(t *testing.T) {
				d := coserr.Diagnose(tt.err, r)
				require.NotNil(t, d)
				assert.Nil(t, d.Code)
				assert.False(t, d.Retryable)
				assert.Contains(t, d.String(), "no error code")
			})
		}
	}
}

// The public report (PicGo issue 638): the key "imagesresume-zh+en_页面_1.png"
// was sent with its '+' as it is, and COS read it as a space.
func TestDiagnosePlusReadAsSpace(t *testing.T) {
	body, err := os.ReadFile("testdata/signaturedoesnotmatch.xml")
	require.NoError(t, err)
	const key = "imagesresume-zh+en_页面_1.png"
	tests := []struct {
		name string
		req  func() *http.Request
	}{
		{"body only", func() *http.Request { return nil }},
		{"request not yet signed", func() *http.Request {
			req, err := http.NewRequest(http.MethodPut, "https://o2-1258123310.cos.ap-beijing.myqcloud.com/"+key, nil)
			require.NoError(t, err)
			return req
		}},
		{"request signed as cos-go-sdk-v5 signs", func() *http.Request {
			req, err := http.NewRequest(http.MethodPut, "https://o2-1258123310.cos.ap-beijing.myqcloud.com/"+key, nil)
			require.NoError(t, err)
			req.Header.Set("x-cos-security-token", testToken)
			sign(req, testSecretID, testSecretKey, time.Unix(1615113257, 0), 24*time.Hour)
			return req
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := tt.req()
			err := parse(t, 403, http.Header{"Date": {"Sun, 07 Mar 2021 10:34:17 GMT"}}, string(body))
			d := coserr.Diagnose(err, req)
			require.NotNil(t, d)
			assert.Equal(t, coserr.SignatureDoesNotMatch, d.Code)
			assert.Equal(t, coserr.ErrUnauthenticated, d.Class)
			assert.False(t, d.Retryable)
			assert.Equal(t, "NjA0NGFjMmFfZTViOTJhMDlfMjA0NDlfNzU0MzM4NQ==", d.RequestID)
			joined := strings.Join(d.Findings, "\n")
			assert.Contains(t, joined, `COS signed "/imagesresume-zh en_页面_1.png"`)
			assert.Contains(t, joined, "a '+' in the key was read as a space: send it as %2B")
			report := d.String()
			assert.Contains(t, report, "/"+key)
			assert.True(t, strings.HasPrefix(report, "SignatureDoesNotMatch [HTTP 403, class Unauthenticated]"), report)
			f, _, id := sections(t, report)
			assert.True(t, f > 0 && id > f, report)
			assert.Contains(t, report, "console.cloud.tencent.com/cos5/diagnose")
			assertNoSecret(t, report, req)
		})
	}
}

// Diagnose looks through wrapping, and reads a sentinel or an SDK's error
// that carries only a status and a code.
func TestDiagnoseWrappedAndSentinel(t *testing.T) {
	err := fmt.Errorf("upload: %w", parse(t, 404, http.Header{"X-Cos-Request-Id": {"NjA3"}}, `<Error><Code>NoSuchBucket</Code></Error>`))
	d := coserr.Diagnose(err, nil)
	assert.Equal(t, coserr.NoSuchBucket, d.Code)
	assert.Equal(t, "NjA3", d.RequestID)

	d = coserr.Diagnose(fmt.Errorf("get: %w", coserr.SlowDown), nil)
	assert.Equal(t, coserr.SlowDown, d.Code)
	assert.True(t, d.Retryable)
	assert.Contains(t, d.String(), "SlowDown [HTTP 503, class Throttled]")

	d = coserr.Diagnose(fmt.Errorf("find: %w", coserr.ErrNotFound), nil)
	assert.Nil(t, d.Code)
	assert.Equal(t, coserr.ErrNotFound, d.Class, "a class sentinel is its class, no client failure")
	assert.Equal(t, coserr.ErrNotFound.Hints(), d.Hints)
	assert.Equal(t, coserr.IsRetryable(coserr.ErrNotFound), d.Retryable)
	assert.NotContains(t, d.String(), "Client error")

	d = coserr.Diagnose(respError{status: 404, code: "NoSuchKey"}, nil)
	assert.Equal(t, coserr.NoSuchKey, d.Code)
	assert.Equal(t, coserr.ErrNotFound, d.Class)
	d = coserr.Diagnose(respError{status: 403, code: "Forbidden"}, nil)
	assert.Nil(t, d.Code)
	assert.Equal(t, coserr.ErrAccessDenied, d.Class)
	assert.Equal(t, coserr.ErrAccessDenied.Hints(), d.Hints)
}

// respError is an SDK's error carrying a response, as aws-sdk-go-v2's does.
type respError struct {
	status int
	code   string
}

func (e respError) Error() string       { return "api error " + e.code }
func (e respError) HTTPStatusCode() int { return e.status }
func (e respError) ErrorCode() string   { return e.code }

func TestDiagnoseRetryUnknown(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"no status, unknown code", coserr.Parse(0, nil, []byte("<Error><Code>NoSuchThing</Code><RequestId>NjA3</RequestId></Error>")), "Retry: unknown"},
		{"no status, known code", coserr.Parse(0, nil, []byte("<Error><Code>SlowDown</Code></Error>")), "Retry: yes"},
		{"a status, unknown code", coserr.Parse(404, nil, []byte("<Error><Code>NoSuchThing</Code></Error>")), "Retry: no"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := coserr.Diagnose(tt.err, nil)
			require.NotNil(t, d)
			assert.Contains(t, d.String(), tt.want)
		})
	}
}

// messageError is an SDK's error with the code and message COS sent,
// shaped as smithy.APIError (smithy-go's GenericAPIError).
type messageError struct{ code, message string }

func (e *messageError) Error() string        { return "api error " + e.code + ": " + e.message }
func (e *messageError) ErrorCode() string    { return e.code }
func (e *messageError) ErrorMessage() string { return e.message }

// TestDiagnoseSDKErrorRefined: an SDK's error that carries COS's code and
// message is refined as a ServiceError is (the catalog's sent_as), so
// Diagnose gives the same code, class and checks either way.
func TestDiagnoseSDKErrorRefined(t *testing.T) {
	tests := []struct {
		message string
		want    *coserr.Code
		class   *coserr.Class
	}{
		{"Request has expired", coserr.RequestHasExpired, coserr.ErrUnauthenticated},
		{" SignatureDoesNotMatch ", coserr.SignatureDoesNotMatch, coserr.ErrUnauthenticated},
		{"AccessForbidden", coserr.AccessForbidden, coserr.ErrAccessDenied},
		{"Access Denied.", coserr.AccessDenied, coserr.ErrAccessDenied},
		{"", coserr.AccessDenied, coserr.ErrAccessDenied},
	}
	for _, tt := range tests {
		t.Run(tt.message, func(t *testing.T) {
			err := fmt.Errorf("operation error S3: GetObject, %w", &responseError{status: 403, err: &messageError{"AccessDenied", tt.message}})
			d := coserr.Diagnose(err, nil)
			require.NotNil(t, d)
			assert.Same(t, tt.want, d.Code, "Diagnose(%v).Code = %v; want %v", err, d.Code, tt.want)
			assert.Same(t, tt.class, d.Class)
			se := coserr.Parse(403, nil, []byte("<Error><Code>AccessDenied</Code><Message>"+tt.message+"</Message></Error>")).(*coserr.ServiceError)
			assert.Same(t, se.Known(), d.Code, "the ServiceError's answer")
			assert.Equal(t, se.Retryable(), coserr.IsRetryable(err))
		})
	}
}
