package coserrtest_test

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

func TestResponseEveryCode(t *testing.T) {
	for _, code := range coserr.Codes() {
		t.Run(code.Name(), func(t *testing.T) {
			resp := coserrtest.Response(code)
			require.Equal(t, code.Status(), resp.StatusCode)
			err := coserr.FromResponse(resp)
			require.ErrorIs(t, err, code)
			require.ErrorIs(t, err, code.Class())
			var se *coserr.ServiceError
			require.True(t, errors.As(err, &se))
			assert.Equal(t, code.Name(), se.Code)
			assert.Equal(t, code.Description(), se.Message)
			assert.Equal(t, coserrtest.DefaultRequestID, se.RequestID)
			assert.Equal(t, coserrtest.DefaultTraceID, se.TraceID)
			assert.Equal(t, "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/exampleobject", se.Resource)
			assert.Equal(t, http.MethodGet, se.Method)
			assert.Equal(t, coserrtest.DefaultURL, se.URL)
			assert.Equal(t, code.Retryable(), se.Retryable())
		})
	}
}

func TestResponseShape(t *testing.T) {
	resp := coserrtest.Response(coserr.NoSuchKey)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	want := "<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n" +
		"\t<Code>NoSuchKey</Code>\n" +
		"\t<Message>" + coserr.NoSuchKey.Description() + "</Message>\n" +
		"\t<Resource>examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/exampleobject</Resource>\n" +
		"\t<RequestId>" + coserrtest.DefaultRequestID + "</RequestId>\n" +
		"\t<TraceId>" + coserrtest.DefaultTraceID + "</TraceId>\n" +
		"</Error>"
	assert.Equal(t, want, string(body))
	assert.Equal(t, "404 Not Found", resp.Status)
	assert.Equal(t, "HTTP/1.1", resp.Proto)
	assert.Equal(t, int64(len(want)), resp.ContentLength)
	assert.Equal(t, http.Header{
		"Content-Type":     {"application/xml"},
		"Content-Length":   {strconv.Itoa(len(want))},
		"Server":           {"tencent-cos"},
		"X-Cos-Request-Id": {coserrtest.DefaultRequestID},
		"X-Cos-Trace-Id":   {coserrtest.DefaultTraceID},
	}, resp.Header)
	require.NotNil(t, resp.Request)
	assert.Equal(t, http.MethodGet, resp.Request.Method)
	assert.Equal(t, coserrtest.DefaultURL, resp.Request.URL.String())
}

func TestResponseOptions(t *testing.T) {
	tests := []struct {
		name  string
		code  *coserr.Code
		opts  []coserrtest.Option
		check func(t *testing.T, se *coserr.ServiceError, resp *http.Response)
	}{
		{"status", coserr.NoSuchUpload, []coserrtest.Option{coserrtest.WithStatus(400)}, func(t *testing.T, se *coserr.ServiceError, _ *http.Response) {
			assert.Equal(t, 400, se.StatusCode)
			assert.ErrorIs(t, se, coserr.NoSuchUpload)
		}},
		{"message resource ids", coserr.AccessDenied, []coserrtest.Option{
			coserrtest.WithMessage("Access Denied. <policy> & more"), coserrtest.WithResource("b-1250000000.cos.ap-beijing.myqcloud.com/k"),
			coserrtest.WithRequestID("req-1"), coserrtest.WithTraceID("trace-1"),
		}, func(t *testing.T, se *coserr.ServiceError, resp *http.Response) {
			assert.Equal(t, "Access Denied. <policy> & more", se.Message)
			assert.Equal(t, "b-1250000000.cos.ap-beijing.myqcloud.com/k", se.Resource)
			assert.Equal(t, "req-1", se.RequestID)
			assert.Equal(t, "trace-1", se.TraceID)
			assert.Equal(t, "req-1", resp.Header.Get("x-cos-request-id"))
			assert.Contains(t, string(se.Body), "&lt;policy&gt; &amp; more")
		}},
		{"no ids", coserr.AccessDenied, []coserrtest.Option{coserrtest.WithRequestID(""), coserrtest.WithTraceID("")}, func(t *testing.T, se *coserr.ServiceError, resp *http.Response) {
			assert.Empty(t, se.RequestID)
			assert.Empty(t, se.TraceID)
			assert.NotContains(t, string(se.Body), "RequestId")
			assert.Empty(t, resp.Header.Values("X-Cos-Request-Id"))
		}},
		{"alias", coserr.InternalError, []coserrtest.Option{coserrtest.WithCode("InternalErrror")}, func(t *testing.T, se *coserr.ServiceError, _ *http.Response) {
			assert.Equal(t, "InternalErrror", se.Code)
			assert.ErrorIs(t, se, coserr.InternalError)
		}},
		{"unknown code", nil, []coserrtest.Option{coserrtest.WithCode("BrandNewCode"), coserrtest.WithStatus(429)}, func(t *testing.T, se *coserr.ServiceError, _ *http.Response) {
			assert.Equal(t, "BrandNewCode", se.Code)
			assert.Nil(t, se.Known())
			assert.ErrorIs(t, se, coserr.ErrThrottled)
			assert.True(t, se.Retryable())
			assert.Empty(t, se.Message, "no code, no description")
		}},
		{"nil code", nil, nil, func(t *testing.T, se *coserr.ServiceError, _ *http.Response) {
			assert.Equal(t, 500, se.StatusCode)
			assert.Empty(t, se.Code)
			assert.Empty(t, se.Message)
			assert.ErrorIs(t, se, coserr.ErrServer)
			assert.Equal(t, "cos: 500 Internal Server Error (request id "+coserrtest.DefaultRequestID+")", se.Error())
		}},
		{"HEAD", coserr.NoSuchKey, []coserrtest.Option{coserrtest.WithMethod(http.MethodHead)}, func(t *testing.T, se *coserr.ServiceError, resp *http.Response) {
			assert.Empty(t, se.Body)
			assert.Empty(t, se.Code)
			assert.Equal(t, coserrtest.DefaultRequestID, se.RequestID)
			assert.Equal(t, coserrtest.DefaultTraceID, se.TraceID)
			assert.Equal(t, http.MethodHead, se.Method)
			assert.ErrorIs(t, se, coserr.ErrNotFound)
			assert.Equal(t, "0", resp.Header.Get("Content-Length"))
		}},
		{"URL redacted", coserr.SignatureDoesNotMatch, []coserrtest.Option{
			coserrtest.WithURL("https://b-1250000000.cos.ap-guangzhou.myqcloud.com/k?q-sign-algorithm=sha1&q-ak=AKIDsecret&q-signature=deadbeef"),
			coserrtest.WithMethod(http.MethodPut),
		}, func(t *testing.T, se *coserr.ServiceError, _ *http.Response) {
			assert.Equal(t, http.MethodPut, se.Method)
			assert.Equal(t, "b-1250000000.cos.ap-guangzhou.myqcloud.com/k", se.Resource)
			assert.NotContains(t, se.URL, "AKIDsecret")
			assert.NotContains(t, se.URL, "deadbeef")
		}},
		{"headers", coserr.SlowDown, []coserrtest.Option{
			coserrtest.WithHeader("retry-after", "7"), coserrtest.WithHeader("Server", ""), coserrtest.WithHeader("x-cos-error-code", "SlowDown"),
		}, func(t *testing.T, se *coserr.ServiceError, resp *http.Response) {
			d, ok := coserr.RetryAfter(se)
			assert.True(t, ok)
			assert.Equal(t, "7s", d.String())
			assert.Empty(t, resp.Header.Values("Server"))
			assert.Equal(t, "SlowDown", resp.Header.Get("X-Cos-Error-Code"))
		}},
		{"JSON body", nil, []coserrtest.Option{
			coserrtest.WithStatus(404), coserrtest.WithHeader("X-Cos-Error-Code", "NotFoundException"),
			coserrtest.WithBody("application/json", `{"message":"vector bucket not found"}`),
		}, func(t *testing.T, se *coserr.ServiceError, resp *http.Response) {
			assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
			assert.Equal(t, "NotFoundException", se.Code)
			assert.Equal(t, "vector bucket not found", se.Message)
			assert.ErrorIs(t, se, coserr.NotFoundException)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := coserrtest.Response(tt.code, tt.opts...)
			var se *coserr.ServiceError
			require.True(t, errors.As(coserr.FromResponse(resp), &se))
			tt.check(t, se, resp)
		})
	}
}

func TestResponseBadURL(t *testing.T) {
	assert.PanicsWithValue(t, `coserrtest: parse ":bad": missing protocol scheme`, func() {
		coserrtest.Response(coserr.NoSuchKey, coserrtest.WithURL(":bad"))
	})
}

func TestResponseBodyReadOnce(t *testing.T) {
	resp := coserrtest.Response(coserr.NoSuchKey)
	first, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(first), "<?xml"))
	second, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Empty(t, second)
	assert.NoError(t, resp.Body.Close())
}
