package coserr_test

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// TestRedactionKeepsUserData: object keys and non-secret query values are
// user data. Every error keeps them as they were sent, in its URL, its
// text and its log value, while the signature next to them is hidden.
func TestRedactionKeepsUserData(t *testing.T) {
	tests := []struct {
		name, path, query string
		keep              []string
	}{
		{"an object key that looks like a query", "/exports/sign=2024/report.csv", "",
			[]string{"/exports/sign=2024/report.csv"}},
		{"an object key with a colon", "/logs/api_key:v2/x.txt", "versionId=1",
			[]string{"/logs/api_key:v2/x.txt?versionId=1"}},
		{"non-secret query values", "/", "list-type=2&prefix=token%3Dx%2F&continuation-token=1ueGcx%2FXY%3D&response-content-type=text%2Fcsv",
			[]string{"prefix=token%3Dx%2F", "continuation-token=1ueGcx%2FXY%3D", "response-content-type=text%2Fcsv"}},
		{"signing parameters that are no secret", "/a.jpg", "q-sign-algorithm=sha1&q-sign-time=1700000000%3B1700003600&q-header-list=host",
			[]string{"q-sign-algorithm=sha1", "q-sign-time=1700000000%3B1700003600", "q-header-list=host"}},
	}
	for _, tt := range tests {
		raw := "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com" + tt.path + "?"
		if tt.query != "" {
			raw += tt.query + "&"
		}
		raw += "q-ak=AKIDsecret&q-signature=5ecre7"
		u, err := url.Parse(raw)
		require.NoError(t, err)
		req := &http.Request{Method: http.MethodGet, URL: u}
		resp := coserrtest.Response(coserr.AccessDenied, coserrtest.WithURL(raw))
		transport := &url.Error{Op: "Get", URL: raw, Err: io.ErrUnexpectedEOF}
		for _, c := range []struct {
			name string
			err  error
		}{
			{"ServiceError", coserr.FromResponse(resp)},
			{"ClientError", coserr.FromTransport(req, transport)},
			{"ClientError without request", coserr.FromTransport(nil, transport)},
			{"ClientError of a wrapped cause", coserr.FromTransport(nil, errors.New("upload: "+transport.Error()))},
		} {
			t.Run(tt.name+"/"+c.name, func(t *testing.T) {
				out := strings.Join(renderAll(t, c.err), "\n")
				for _, k := range tt.keep {
					assert.Contains(t, out, k)
				}
				assert.NotContains(t, out, "AKIDsecret")
				assert.NotContains(t, out, "5ecre7")
			})
		}
	}
}
