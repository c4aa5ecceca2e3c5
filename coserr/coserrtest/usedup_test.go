package coserrtest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// TestServerUnexpectedUsedUp: a request that a route would answer but
// for its Times fails the test with a message that says so, since "no
// route matches PUT /k" beside a route for PUT /k misleads.
func TestServerUnexpectedUsedUp(t *testing.T) {
	tests := []struct {
		name   string
		target string
		routes []coserrtest.Route
		want   []string
	}{
		{"used up", "/k", []coserrtest.Route{{Method: http.MethodPut, Path: "/k", Code: coserr.SlowDown, Times: 2}},
			[]string{"coserrtest: no route matches PUT /k (route 0, PUT /k, has answered its Times: 2)"}},
		{"pattern and query", "/k?uploadId=u", []coserrtest.Route{
			{Method: http.MethodGet, Path: "/other"},
			{Path: "/*", Query: "uploadId", Handler: coserrtest.OK, Times: 2},
		}, []string{"coserrtest: no route matches PUT /k?uploadId=u (route 1, /* ?uploadId, has answered its Times: 2)"}},
		{"no route for it", "/k", []coserrtest.Route{{Method: http.MethodGet, Path: "/k", Times: 1}},
			[]string{"coserrtest: no route matches PUT /k", "coserrtest: no route matches PUT /k", "coserrtest: no route matches PUT /k"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{TB: t}
			srv := coserrtest.Server(rec, tt.routes...)
			for range 3 {
				_, _ = call(t, http.MethodPut, srv.URL+tt.target, "")
			}
			assert.Equal(t, tt.want, rec.errors)
		})
	}
}

// TestServerUnexpectedRedacted: the failure an unexpected request
// reports, in the test's log and in the 501's message, shows no
// signature, SecretId or token of a presigned request (a test may sign
// with the credentials of its environment); the path and other
// parameters stay.
func TestServerUnexpectedRedacted(t *testing.T) {
	tests := []struct{ target, want string }{
		{"/dir/sign=1/k?versionId=v1&q-sign-algorithm=sha1&q-ak=AKIDLEAK&q-signature=SIGLEAK&x-cos-security-token=TOKLEAK",
			"coserrtest: no route matches GET /dir/sign=1/k?versionId=v1&q-sign-algorithm=sha1&q-ak=REDACTED&q-signature=REDACTED&x-cos-security-token=REDACTED"},
		{"/k?X-Amz-Credential=AKIDLEAK%2F20240101&X-Amz-Signature=SIGLEAK",
			"coserrtest: no route matches GET /k?X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := &recorder{TB: t}
			srv := coserrtest.Server(rec, coserrtest.Route{Method: http.MethodPut})
			_, err := call(t, http.MethodGet, srv.URL+tt.target, "")
			assert.Equal(t, []string{tt.want}, rec.errors)
			var se *coserr.ServiceError
			if assert.ErrorAs(t, err, &se) {
				assert.Equal(t, tt.want, se.Message)
				assert.NotContains(t, string(se.Body), "LEAK")
			}
		})
	}
}
