package coserrtest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// TestServerQuery: a route's Query tells apart the requests of one
// method and path that COS tells apart by their query: Initiate (POST
// ?uploads) from Complete (POST ?uploadId=) Multipart Upload, a part by
// its number, GET Object from GET Object ACL. A parameter with no value
// matches any value; a route's parameters must all be in the request.
func TestServerQuery(t *testing.T) {
	srv := coserrtest.Server(t,
		coserrtest.Route{Method: http.MethodPost, Path: "/k", Query: "uploads", Handler: coserrtest.OK},
		coserrtest.Route{Method: http.MethodPost, Path: "/k", Query: "uploadId", Code: coserr.InternalError,
			Options: []coserrtest.Option{coserrtest.WithStatus(http.StatusOK)}},
		coserrtest.Route{Method: http.MethodPut, Path: "/k", Query: "partNumber=2&uploadId", Code: coserr.SlowDown, Times: 1},
		coserrtest.Route{Method: http.MethodPut, Path: "/k", Query: "uploadId", Handler: coserrtest.OK},
		coserrtest.Route{Method: http.MethodGet, Path: "/k", Query: "acl", Code: coserr.AccessDenied},
		coserrtest.Route{Method: http.MethodGet, Path: "/k", Handler: coserrtest.OK},
	)
	tests := []struct {
		method, target string
		status         int
		want           *coserr.Code // nil: success
	}{
		{http.MethodPost, "/k?uploadId=u1", 200, coserr.InternalError}, // Complete before Initiate: routed by query, not order
		{http.MethodPost, "/k?uploads", 200, nil},
		{http.MethodPut, "/k?partNumber=1&uploadId=u1", 200, nil},
		{http.MethodPut, "/k?partNumber=2&uploadId=u1", 503, coserr.SlowDown},
		{http.MethodPut, "/k?partNumber=2&uploadId=u1", 200, nil},
		{http.MethodGet, "/k?acl", 403, coserr.AccessDenied},
		{http.MethodGet, "/k?versionId=v1", 200, nil},
		{http.MethodGet, "/k", 200, nil},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			resp, err := call(t, tt.method, srv.URL+tt.target, "")
			require.Equal(t, tt.status, resp.StatusCode)
			if tt.want == nil {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, tt.want)
			}
		})
	}
}
