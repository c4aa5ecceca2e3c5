package coserr_test

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// TestEchoedSecretsRedacted: a response that echoes the request's
// credentials in its message, resource or headers (a gateway quoting the
// Authorization header, a resource given with its signed query) shows
// none of them in any rendering of the error, %#v included; the fields
// keep the text as received.
func TestEchoedSecretsRedacted(t *testing.T) {
	auth := "q-sign-algorithm=sha1&q-ak=" + presignSecrets[0] + "&q-sign-time=1;2&q-key-time=1;2&q-header-list=host&q-url-param-list=&q-signature=" + presignSecrets[1]
	tests := []struct {
		name   string
		header http.Header
		body   string
	}{
		{"Authorization quoted in the message", nil,
			"<Error><Code>AccessDenied</Code><Message>bad Authorization: " + strings.ReplaceAll(auth, "&", "&amp;") + "</Message><RequestId>r</RequestId></Error>"},
		{"signed URL in the resource", nil,
			"<Error><Code>AccessDenied</Code><Message>denied</Message><Resource>b.cos.ap-beijing.myqcloud.com/k?" + strings.ReplaceAll(presignedQueries["cos"], "&", "&amp;") + "</Resource></Error>"},
		{"token in a JSON message", nil,
			`{"code":"AccessDenied","message":"x-cos-security-token=` + presignSecrets[2] + ` is invalid","request_id":"r"}`},
		{"secret in a response header", http.Header{"X-Cos-Security-Token": {presignSecrets[2]}, "X-Echo-Authorization": {auth}},
			"<Error><Code>AccessDenied</Code></Error>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := tt.header
			if h == nil {
				h = http.Header{}
			}
			req, err := http.NewRequest(http.MethodGet, "https://b.cos.ap-beijing.myqcloud.com/k?"+presignedQueries["cos"], nil)
			require.NoError(t, err)
			resp := &http.Response{StatusCode: 403, Header: h, Body: io.NopCloser(strings.NewReader(tt.body)), Request: req}
			err = coserr.FromResponse(resp)
			var se *coserr.ServiceError
			require.ErrorAs(t, err, &se)
			out := append(renderAll(t, err), fmt.Sprintf("%#v", err), fmt.Sprintf("%#v", se), se.Origin())
			assertNoSecrets(t, out)
			assert.Equal(t, "AccessDenied", se.Code)
		})
	}
}

// TestUserinfoRedacted: a URL with credentials in its userinfo
// (https://SecretId:SecretKey@host, as some S3 clients take an endpoint)
// shows neither, as q-ak and q-signature are hidden in a query.
func TestUserinfoRedacted(t *testing.T) {
	const raw = "https://" + "AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM" + ":" + "5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d" + "@b.cos.ap-beijing.myqcloud.com/k"
	req, err := http.NewRequest(http.MethodGet, raw, nil)
	require.NoError(t, err)
	cause := &url.Error{Op: "Get", URL: raw, Err: &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}}
	for _, err := range []error{
		coserr.FromTransport(req, cause),
		coserr.FromTransport(nil, cause),
		coserr.FromResponse(&http.Response{StatusCode: 404, Header: http.Header{}, Body: http.NoBody, Request: req}),
	} {
		out := renderAll(t, err)
		for e := err; e != nil; e = errors.Unwrap(e) {
			out = append(out, e.Error())
		}
		assertNoSecrets(t, out)
	}
}

// TestClientErrorGoString: a ClientError built by hand with a signed URL
// and a cause quoting it shows neither under %#v, as under %v.
func TestClientErrorGoString(t *testing.T) {
	raw := "https://b.cos.ap-beijing.myqcloud.com/k?" + presignedQueries["cos"]
	ce := &coserr.ClientError{Op: "GET", URL: raw, Err: &url.Error{Op: "Get", URL: raw, Err: syscall.ECONNRESET}}
	out := []string{fmt.Sprintf("%#v", ce), fmt.Sprintf("%v", ce), fmt.Sprintf("%+v", ce)}
	assertNoSecrets(t, out)
	assert.Contains(t, out[0], "coserr.ClientError{")
}

// TestJSONRedacted: json.Marshal of a ServiceError or ClientError, as a
// structured logger may do, shows no secret: not in the message, the
// body (raw, it would be base64), the headers or the cause.
func TestJSONRedacted(t *testing.T) {
	auth := "q-sign-algorithm=sha1&q-ak=" + presignSecrets[0] + "&q-signature=" + presignSecrets[1]
	raw := "https://b.cos.ap-beijing.myqcloud.com/k?" + presignedQueries["cos"]
	req, err := http.NewRequest(http.MethodGet, raw, nil)
	require.NoError(t, err)
	body := "<Error><Code>AccessDenied</Code><Message>Authorization: " + strings.ReplaceAll(auth, "&", "&amp;") + "</Message><RequestId>r</RequestId></Error>"
	resp := &http.Response{StatusCode: 403, Header: http.Header{"X-Echo-Authorization": {auth}}, Body: io.NopCloser(strings.NewReader(body)), Request: req}
	se := coserr.FromResponse(resp).(*coserr.ServiceError)
	se.Err = &url.Error{Op: "Get", URL: raw, Err: syscall.ECONNRESET}
	for _, v := range []any{se, &coserr.ClientError{Op: "GET", URL: raw, Err: se.Err}} {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		var decoded map[string]any
		require.NoError(t, json.Unmarshal(b, &decoded))
		out := []string{string(b)}
		if s, ok := decoded["Body"].(string); ok {
			plain, err := base64.StdEncoding.DecodeString(s)
			require.NoError(t, err)
			out = append(out, string(plain))
		}
		assertNoSecrets(t, out)
	}
	b, err := json.Marshal(se)
	require.NoError(t, err)
	var back coserr.ServiceError
	require.NoError(t, json.Unmarshal(b, &struct {
		StatusCode      *int
		Code, RequestID *string
		Body            *[]byte
		Header          *http.Header
	}{&back.StatusCode, &back.Code, &back.RequestID, &back.Body, &back.Header}))
	assert.Equal(t, 403, back.StatusCode)
	assert.Equal(t, "AccessDenied", back.Code)
	assert.Equal(t, "r", back.RequestID)
	assert.Equal(t, se.Origin(), string(back.Body), "Body as Origin shows it")
}
