package coserr_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// logJSON logs err under the key "err" with a real slog JSON handler and
// returns the decoded record and its raw text.
func logJSON(t *testing.T, err any) (map[string]any, string) {
	t.Helper()
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Error("cos request failed", "err", err)
	var rec map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &rec), "log line %q", buf.String())
	return rec, buf.String()
}

const signedURL = "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/report.csv" +
	"?q-sign-algorithm=sha1&q-ak=AKIDsecretid&q-sign-time=1700000000%3B1700003600&q-key-time=1700000000%3B1700003600" +
	"&q-header-list=host&q-url-param-list=&q-signature=5ecre7519na7ure&x-cos-security-token=sessiontoken123"

var secrets = []string{"AKIDsecretid", "5ecre7519na7ure", "sessiontoken123"}

func TestServiceErrorLogValue(t *testing.T) {
	se := coserr.FromResponse(coserrtest.Response(coserr.NoSuchKey,
		coserrtest.WithMethod(http.MethodGet), coserrtest.WithURL(signedURL),
		coserrtest.WithMessage("The specified key does not exist."),
	))
	tests := []struct {
		name string
		err  any
	}{
		{"from FromResponse", se},
		{"built by hand, secrets in URL", &coserr.ServiceError{
			StatusCode: 404, Code: "NoSuchKey", Message: "The specified key does not exist.",
			Resource:  "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/report.csv",
			RequestID: coserrtest.DefaultRequestID, TraceID: coserrtest.DefaultTraceID,
			Method: http.MethodGet, URL: signedURL, Body: []byte("<Error><Code>NoSuchKey</Code></Error>"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, raw := logJSON(t, tt.err)
			group, ok := rec["err"].(map[string]any)
			require.True(t, ok, "err = %#v; want a group", rec["err"])
			want := map[string]any{
				"status":     float64(404),
				"code":       "NoSuchKey",
				"message":    "The specified key does not exist.",
				"request_id": coserrtest.DefaultRequestID,
				"trace_id":   coserrtest.DefaultTraceID,
				"resource":   "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/report.csv",
				"method":     "GET",
			}
			u, _ := group["url"].(string)
			delete(group, "url")
			assert.Equal(t, want, group)
			assert.Contains(t, u, "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/report.csv?")
			assert.Contains(t, u, "q-signature=REDACTED")
			assert.Contains(t, u, "x-cos-security-token=REDACTED")
			for _, s := range secrets {
				assert.NotContains(t, raw, s)
			}
			assert.NotContains(t, raw, "<Error>", "the body is never logged")
		})
	}
}

func TestServiceErrorLogValueEmptyFields(t *testing.T) {
	// A bare HEAD 404 has no code, message or resource: they are left out.
	err := coserr.FromResponse(coserrtest.Response(nil, coserrtest.WithStatus(404),
		coserrtest.WithMethod(http.MethodHead), coserrtest.WithTraceID("")))
	rec, _ := logJSON(t, err)
	assert.Equal(t, map[string]any{
		"status":     float64(404),
		"request_id": coserrtest.DefaultRequestID,
		"method":     "HEAD",
		"url":        coserrtest.DefaultURL,
	}, rec["err"])
}

func TestClientErrorLogValue(t *testing.T) {
	u, err := url.Parse(signedURL)
	require.NoError(t, err)
	req := &http.Request{Method: http.MethodPut, URL: u}
	tests := []struct {
		name string
		err  error
		want map[string]any
	}{
		{"refused", coserr.FromTransport(req, &url.Error{Op: "Put", URL: signedURL, Err: &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}}), map[string]any{
			"op": "PUT", "error_contains": "connection refused", "timeout": false, "retryable": true,
		}},
		{"deadline", coserr.FromTransport(req, &url.Error{Op: "Put", URL: signedURL, Err: context.DeadlineExceeded}), map[string]any{
			"op": "PUT", "error_contains": "deadline exceeded", "timeout": true, "retryable": true,
		}},
		{"canceled", coserr.FromTransport(req, &url.Error{Op: "Put", URL: signedURL, Err: context.Canceled}), map[string]any{
			"op": "PUT", "error_contains": "canceled", "timeout": false, "retryable": false,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, raw := logJSON(t, tt.err)
			group, ok := rec["err"].(map[string]any)
			require.True(t, ok, "err = %#v; want a group", rec["err"])
			assert.Equal(t, tt.want["op"], group["op"])
			assert.Equal(t, tt.want["timeout"], group["timeout"])
			assert.Equal(t, tt.want["retryable"], group["retryable"])
			assert.Contains(t, group["error"], tt.want["error_contains"])
			assert.Contains(t, group["url"], "q-signature=REDACTED")
			for _, s := range secrets {
				assert.NotContains(t, raw, s)
			}
		})
	}
}

func TestLogValueNil(t *testing.T) {
	for _, err := range []any{(*coserr.ServiceError)(nil), (*coserr.ClientError)(nil)} {
		rec, _ := logJSON(t, err)
		_, has := rec["err"]
		assert.False(t, has, "a nil %T logs as an empty group, which slog leaves out; got %v", err, rec)
	}
}

func TestLogValueNested(t *testing.T) {
	// Under slog.Group and a text handler the fields keep their names.
	var buf bytes.Buffer
	err := coserr.FromResponse(coserrtest.Response(coserr.SlowDown))
	slog.New(slog.NewTextHandler(&buf, nil)).Warn("retrying", slog.Group("cos", "err", err))
	line := buf.String()
	for _, want := range []string{"cos.err.status=503", "cos.err.code=SlowDown", "cos.err.request_id=" + coserrtest.DefaultRequestID} {
		assert.Contains(t, line, want)
	}
	// A wrapped error is not a LogValuer: slog logs its text. Log the
	// *ServiceError that errors.As finds to get the fields.
	var se *coserr.ServiceError
	require.True(t, errors.As(errors.Join(errors.New("put"), err), &se))
	rec, _ := logJSON(t, se)
	assert.Equal(t, "SlowDown", rec["err"].(map[string]any)["code"])
}
