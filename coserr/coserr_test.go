package coserr_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// loadSampleBody reads a sample COS body from testdata.
func loadSampleBody(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

// newCOSResponse builds the response a GET of a COS object would get.
func newCOSResponse(status int, header http.Header, body []byte) *http.Response {
	u, _ := url.Parse("https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/photo.jpg")
	if header == nil {
		header = http.Header{}
	}
	return &http.Response{
		StatusCode:    status,
		Status:        fmt.Sprintf("%d %s", status, http.StatusText(status)),
		Header:        header,
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       &http.Request{Method: http.MethodGet, URL: u},
	}
}

// fromBoth runs a case through Parse and through FromResponse, so each
// table checks both entry points.
func fromBoth(t *testing.T, status int, header http.Header, body []byte, check func(t *testing.T, se *coserr.ServiceError)) {
	t.Helper()
	t.Run("Parse", func(t *testing.T) {
		se, _ := coserr.Parse(status, header, body).(*coserr.ServiceError)
		require.NotNil(t, se, "Parse(%d, %v, %q) = nil; want a *ServiceError", status, header, body)
		check(t, se)
	})
	t.Run("FromResponse", func(t *testing.T) {
		err := coserr.FromResponse(newCOSResponse(status, header, body))
		var se *coserr.ServiceError
		require.ErrorAs(t, err, &se)
		assert.Equal(t, http.MethodGet, se.Method)
		assert.Equal(t, "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/photo.jpg", se.URL)
		check(t, se)
	})
}

func TestBodyKinds(t *testing.T) {
	huge := bytes.Repeat([]byte("<p>proxy says no</p>\n"), 10<<20/21)
	tests := []struct {
		name          string
		status        int
		header        http.Header
		body          []byte
		code, message string
		resource      string
		requestID     string
		traceID       string
		known         *coserr.Code
		class         *coserr.Class
		retryable     bool
		bodyLen       int // -1: the whole body
	}{
		{
			name: "xml", status: 404, body: loadSampleBody(t, "nosuchkey.xml"),
			code: "NoSuchKey", message: "The specified key does not exist.",
			resource:  "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/test_404",
			requestID: "NjA3OGY4NGFfNjJkMmMwYl8***", traceID: "OGVmYzZiMmQzYjA2OWNh***",
			known: coserr.NoSuchKey, class: coserr.ErrNotFound, bodyLen: -1,
		},
		{
			name: "xml conflict", status: 409, body: loadSampleBody(t, "bucketalreadyexists.xml"),
			code: "BucketAlreadyExists", message: "The requested bucket name is not available.",
			resource: "testdelete-1253846586.cos.ap-guangzhou.myqcloud.com", requestID: "NTk0NTRjZjZfNTViMjM1XzlkMV9hZTZh",
			traceID: "OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NWFiNjAyMzdlM2RlMmVmOGNiNWIxYjYwNDFhYmQ=",
			known:   coserr.BucketAlreadyExists, class: coserr.ErrConflict, bodyLen: -1,
		},
		{
			name: "xml signature diagnostics", status: 403, body: loadSampleBody(t, "signaturedoesnotmatch.xml"),
			code: "SignatureDoesNotMatch", message: "The Signature you specified is invalid.",
			resource:  "o2-00000000.cos.ap-beijing.myqcloud.com/imagesresume-zh+en_页面_1.png",
			requestID: "NjA0NGFjMmFfZTViOTJhMDlfMjA0NDlfNzU0MzM4NQ==", traceID: "OGVmYzZ…",
			known: coserr.SignatureDoesNotMatch, class: coserr.ErrUnauthenticated, bodyLen: -1,
		},
		{
			name: "xml without trace id", status: 404, body: loadSampleBody(t, "nosuchbucket-notrace.xml"),
			header: http.Header{"X-Cos-Trace-Id": {"from-header"}},
			code:   "NoSuchBucket", message: "The specified bucket does not exist.",
			resource:  "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com",
			requestID: "NjQ5OTJmNjhfYmIxYjJjMGFfMjE3NDFfMWQ4ZDg3", traceID: "from-header",
			known: coserr.NoSuchBucket, class: coserr.ErrNotFound, bodyLen: -1,
		},
		{
			name: "json string code", status: 404, body: loadSampleBody(t, "jsonstring.json"),
			code: "NoSuchKey", message: "The specified key does not exist.", requestID: "NjBhZjEyZmFfOGQ0ZjI0MGFfNmNlMF8xYjdiZDk=",
			known: coserr.NoSuchKey, class: coserr.ErrNotFound, bodyLen: -1,
		},
		{
			name: "json numeric code", status: 404, body: loadSampleBody(t, "fetch-numeric.json"),
			code: "404", message: "fetch task not found", requestID: "NjBhZjEyZmFfOGQ0ZjI0MGFfNmNlMF8xYjdiZDg=",
			class: coserr.ErrNotFound, bodyLen: -1,
		},
		{
			name: "vector bucket: code in header only", status: 400, body: loadSampleBody(t, "vector.json"),
			header: http.Header{"X-Cos-Error-Code": {"ValidationException"}, "X-Cos-Request-Id": {"vec-req"}},
			code:   "ValidationException", message: "VectorBucketName is invalid", requestID: "vec-req",
			known: coserr.ValidationException, class: coserr.ErrBadRequest, bodyLen: -1,
		},
		{
			name: "json cloud api 3.0", status: 401, body: loadSampleBody(t, "api3.json"),
			code: "AuthFailure.SignatureFailure", message: "The provided credentials could not be validated.",
			requestID: "f6b5b1b9-9d8c-4b8e-8a2c-2f1e0e0b7c11", class: coserr.ErrUnauthenticated, bodyLen: -1,
		},
		{
			name: "empty head body", status: 404,
			header:    http.Header{"X-Cos-Request-Id": {"head-req"}, "X-Cos-Trace-Id": {"head-trace"}},
			requestID: "head-req", traceID: "head-trace", class: coserr.ErrNotFound, bodyLen: 0,
		},
		{
			name: "proxy html", status: 502, body: loadSampleBody(t, "proxy.html"),
			class: coserr.ErrServer, retryable: true, bodyLen: -1,
		},
		{
			name: "truncated xml", status: 503, body: loadSampleBody(t, "truncated.xml"),
			code: "SlowDown", known: coserr.SlowDown, class: coserr.ErrThrottled, retryable: true, bodyLen: -1,
		},
		{
			name: "huge", status: 502, body: huge,
			class: coserr.ErrServer, retryable: true, bodyLen: coserr.MaxBodyBytes,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fromBoth(t, tt.status, tt.header, tt.body, func(t *testing.T, se *coserr.ServiceError) {
				assert.Equal(t, tt.status, se.StatusCode)
				assert.Equal(t, tt.code, se.Code)
				assert.Equal(t, tt.message, se.Message)
				assert.Equal(t, tt.resource, se.Resource)
				assert.Equal(t, tt.requestID, se.RequestID)
				assert.Equal(t, tt.traceID, se.TraceID)
				assert.Same(t, tt.known, se.Known(), "Known() = %v; want %v", se.Known(), tt.known)
				assert.Same(t, tt.class, se.Class(), "Class() = %v; want %v", se.Class(), tt.class)
				assert.Equal(t, tt.retryable, se.Retryable())
				want := tt.body
				if tt.bodyLen >= 0 {
					want = tt.body[:tt.bodyLen]
				}
				assert.Equal(t, len(want), len(se.Body))
				assert.True(t, bytes.Equal(se.Body, want), "Body differs from the first %d bytes sent", len(want))
				assert.Equal(t, string(want), se.Origin())
				require.ErrorIs(t, se, tt.class)
				if tt.known != nil {
					require.ErrorIs(t, se, tt.known)
				}
			})
		})
	}
}

func TestStatusFallback(t *testing.T) {
	tests := []struct {
		status    int
		class     *coserr.Class
		retryable bool
	}{
		{300, coserr.ErrRedirect, false},
		{301, coserr.ErrRedirect, false},
		{302, coserr.ErrRedirect, false},
		{304, coserr.ErrPreconditionFailed, false},
		{307, coserr.ErrRedirect, false},
		{399, coserr.ErrRedirect, false},
		{400, coserr.ErrBadRequest, false},
		{401, coserr.ErrUnauthenticated, false},
		{403, coserr.ErrAccessDenied, false},
		{404, coserr.ErrNotFound, false},
		{405, coserr.ErrBadRequest, false},
		{408, coserr.ErrBadRequest, true},
		{409, coserr.ErrConflict, false},
		{410, coserr.ErrBadRequest, false},
		{412, coserr.ErrPreconditionFailed, false},
		{413, coserr.ErrBadRequest, false},
		{429, coserr.ErrThrottled, true},
		{499, coserr.ErrBadRequest, false},
		{500, coserr.ErrServer, true},
		{501, coserr.ErrServer, false},
		{502, coserr.ErrServer, true},
		{503, coserr.ErrServer, true},
		{504, coserr.ErrServer, true},
		{599, coserr.ErrServer, true},
	}
	for _, tt := range tests {
		for _, code := range []string{"", "NoSuchThingAtAll"} {
			t.Run(fmt.Sprintf("%d %q", tt.status, code), func(t *testing.T) {
				header := http.Header{}
				if code != "" {
					header.Set("X-Cos-Error-Code", code)
				}
				fromBoth(t, tt.status, header, nil, func(t *testing.T, se *coserr.ServiceError) {
					assert.Equal(t, code, se.Code)
					assert.Nil(t, se.Known())
					assert.Same(t, tt.class, se.Class(), "Class() = %v; want %v", se.Class(), tt.class)
					assert.Equal(t, tt.retryable, se.Retryable())
					assert.Equal(t, tt.retryable, coserr.IsRetryable(se))
					for _, other := range []*coserr.Class{coserr.ErrRedirect, coserr.ErrBadRequest, coserr.ErrUnauthenticated,
						coserr.ErrAccessDenied, coserr.ErrNotFound, coserr.ErrConflict, coserr.ErrPreconditionFailed,
						coserr.ErrThrottled, coserr.ErrServer} {
						assert.Equal(t, other == tt.class, errors.Is(se, other), "errors.Is(%d, %v)", tt.status, other)
					}
				})
			})
		}
	}
}

// TestCodeBeatsStatus: a known code decides class and retryability, not
// the status it came with.
func TestCodeBeatsStatus(t *testing.T) {
	tests := []struct {
		code      string
		status    int
		class     *coserr.Class
		retryable bool
	}{
		{"NoSuchKey", 500, coserr.ErrNotFound, false},
		{"SlowDown", 400, coserr.ErrThrottled, true},
		{"NotImplemented", 501, coserr.ErrServer, false},
		{"InternalError", 404, coserr.ErrServer, true},
		{"RequestTimeout", 400, coserr.ErrBadRequest, true},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			body := []byte("<Error><Code>" + tt.code + "</Code></Error>")
			fromBoth(t, tt.status, nil, body, func(t *testing.T, se *coserr.ServiceError) {
				assert.Same(t, tt.class, se.Class(), "Class() = %v; want %v", se.Class(), tt.class)
				assert.Equal(t, tt.retryable, se.Retryable())
				assert.Equal(t, tt.retryable, coserr.IsRetryable(fmt.Errorf("op: %w", se)))
			})
		})
	}
}

func TestHeaderFallbacks(t *testing.T) {
	xmlWith := func(children string) []byte { return []byte("<Error>" + children + "</Error>") }
	type h = http.Header
	tests := []struct {
		name                     string
		header                   http.Header
		body                     []byte
		code, requestID, traceID string
	}{
		{"x-cos-error-code", h{"X-Cos-Error-Code": {"NoSuchBucket"}}, nil, "NoSuchBucket", "", ""},
		{"x-cos-error-code with white space, as a hand-built header may have it", h{"X-Cos-Error-Code": {" NoSuchBucket\t"}}, nil, "NoSuchBucket", "", ""},
		{"body code wins over header", h{"X-Cos-Error-Code": {"NoSuchBucket"}}, xmlWith("<Code>NoSuchKey</Code>"), "NoSuchKey", "", ""},
		{"json body code wins over header", h{"X-Cos-Error-Code": {"NoSuchBucket"}}, []byte(`{"code":"NoSuchKey"}`), "NoSuchKey", "", ""},
		{"x-cos ids", h{"X-Cos-Request-Id": {"cos-req"}, "X-Cos-Trace-Id": {"cos-trace"}}, nil, "", "cos-req", "cos-trace"},
		{"x-ci ids", h{"X-Ci-Request-Id": {"ci-req"}, "X-Ci-Trace-Id": {"ci-trace"}}, nil, "", "ci-req", "ci-trace"},
		{"x-cos ids win over x-ci", h{"X-Cos-Request-Id": {"cos-req"}, "X-Cos-Trace-Id": {"cos-trace"},
			"X-Ci-Request-Id": {"ci-req"}, "X-Ci-Trace-Id": {"ci-trace"}}, nil, "", "cos-req", "cos-trace"},
		{"body ids win over headers", h{"X-Cos-Request-Id": {"cos-req"}, "X-Cos-Trace-Id": {"cos-trace"}},
			xmlWith("<RequestId>body-req</RequestId><TraceId>body-trace</TraceId>"), "", "body-req", "body-trace"},
		{"one id from the body, the other from a header", h{"X-Cos-Request-Id": {"cos-req"}, "X-Ci-Trace-Id": {"ci-trace"}},
			xmlWith("<RequestId>body-req</RequestId>"), "", "body-req", "ci-trace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fromBoth(t, 404, tt.header, tt.body, func(t *testing.T, se *coserr.ServiceError) {
				assert.Equal(t, tt.code, se.Code)
				assert.Equal(t, tt.requestID, se.RequestID)
				assert.Equal(t, tt.traceID, se.TraceID)
			})
		})
	}
}

func TestParse200(t *testing.T) {
	tests := []struct {
		name string
		body []byte
		code *coserr.Code // nil: no error
	}{
		{"embedded error", loadSampleBody(t, "embedded200.xml"), coserr.InternalError},
		{"embedded error after declaration", loadSampleBody(t, "nosuchkey.xml"), coserr.NoSuchKey},
		{"normal copy result", loadSampleBody(t, "copyok.xml"), nil},
		{"ci business result", []byte(`<Response><Code>InvalidArgument</Code><Message>Part is required</Message></Response>`), nil},
		{"json", loadSampleBody(t, "jsonstring.json"), nil},
		{"empty", nil, nil},
		{"html", loadSampleBody(t, "proxy.html"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := coserr.Parse(200, nil, tt.body)
			if tt.code == nil {
				require.NoError(t, err, "Parse(200, %q) = %v; want nil", tt.body, err)
				return
			}
			se, _ := err.(*coserr.ServiceError)
			require.NotNil(t, se, "Parse(200, %q) = %v; want a *ServiceError with %v", tt.body, err, tt.code)
			assert.Equal(t, 200, se.StatusCode)
			require.ErrorIs(t, se, tt.code)
			assert.Equal(t, tt.code.Retryable(), coserr.IsRetryable(se))

			// FromResponse leaves every 2xx alone, body included.
			resp := newCOSResponse(200, nil, tt.body)
			body := resp.Body
			require.NoError(t, coserr.FromResponse(resp))
			assert.Equal(t, body, resp.Body)
		})
	}
}

func TestWrapping(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		is       []error
		isNot    []error
		wantCode string
	}{
		{
			name:     "not found",
			err:      coserr.Parse(404, nil, loadSampleBody(t, "nosuchkey.xml")),
			is:       []error{coserr.NoSuchKey, coserr.ErrNotFound, fs.ErrNotExist},
			isNot:    []error{coserr.NoSuchBucket, coserr.ErrAccessDenied, fs.ErrPermission, fs.ErrExist},
			wantCode: "NoSuchKey",
		},
		{
			name:     "access denied",
			err:      coserr.Parse(403, nil, []byte("<Error><Code>AccessDenied</Code></Error>")),
			is:       []error{coserr.AccessDenied, coserr.ErrAccessDenied, fs.ErrPermission},
			isNot:    []error{fs.ErrNotExist, coserr.ErrNotFound, coserr.ErrUnauthenticated},
			wantCode: "AccessDenied",
		},
		{
			name:  "bare head 404",
			err:   coserr.Parse(404, nil, nil),
			is:    []error{coserr.ErrNotFound, fs.ErrNotExist},
			isNot: []error{coserr.NoSuchKey, fs.ErrPermission},
		},
		{
			name:  "bare head 403",
			err:   coserr.Parse(403, nil, nil),
			is:    []error{coserr.ErrAccessDenied, fs.ErrPermission},
			isNot: []error{fs.ErrNotExist, coserr.AccessDenied},
		},
		{
			name:     "signature",
			err:      coserr.Parse(403, nil, loadSampleBody(t, "signaturedoesnotmatch.xml")),
			is:       []error{coserr.SignatureDoesNotMatch, coserr.ErrUnauthenticated},
			isNot:    []error{fs.ErrPermission, fs.ErrNotExist, coserr.ErrAccessDenied},
			wantCode: "SignatureDoesNotMatch",
		},
	}
	for _, tt := range tests {
		wrappers := map[string]func(error) error{
			"bare":     func(err error) error { return err },
			"%w":       func(err error) error { return fmt.Errorf("get photo.jpg: %w", err) },
			"%w twice": func(err error) error { return fmt.Errorf("sync: %w", fmt.Errorf("get: %w", err)) },
			"join":     func(err error) error { return errors.Join(io.EOF, err) },
		}
		for wname, wrap := range wrappers {
			t.Run(tt.name+"/"+wname, func(t *testing.T) {
				err := wrap(tt.err)
				for _, target := range tt.is {
					assert.ErrorIs(t, err, target)
				}
				for _, target := range tt.isNot {
					assert.NotErrorIs(t, err, target)
				}
				var se *coserr.ServiceError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, tt.wantCode, se.Code)
			})
		}
	}
}
