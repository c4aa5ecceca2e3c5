package miniov7_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path"
	"sync"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/miniov7"
)

// TestTransportConcurrent: concurrent bodiless HEADs through one client
// each get their own response's ids, method and URL.
func TestTransportConcurrent(t *testing.T) {
	srv := coserrtest.Server(t, coserrtest.Route{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := path.Base(r.URL.Path)
		resp := coserrtest.Response(coserr.NoSuchKey, coserrtest.WithMethod(r.Method),
			coserrtest.WithRequestID("rid-"+key), coserrtest.WithTraceID("trace-"+key))
		for k, v := range resp.Header {
			w.Header()[k] = v
		}
		w.WriteHeader(resp.StatusCode)
		_, _ = io.Copy(w, resp.Body)
	})})
	client, _ := newClient(t, srv.URL, false)
	const n = 32
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			_, err := client.StatObject(context.Background(), bucket, fmt.Sprintf("key-%d", i), minio.StatObjectOptions{})
			errs[i] = miniov7.Wrap(err)
		})
	}
	wg.Wait()
	for i, err := range errs {
		key := fmt.Sprintf("key-%d", i)
		var se *coserr.ServiceError
		require.ErrorAs(t, err, &se)
		assert.Equal(t, "rid-"+key, se.RequestID)
		assert.Equal(t, "trace-"+key, se.TraceID)
		assert.Empty(t, se.Code, "no made-up NoSuchKey")
		assert.Equal(t, http.MethodHead, se.Method)
		assert.Contains(t, se.URL, "/"+key)
		assert.ErrorIs(t, err, coserr.ErrNotFound)
	}
}

// TestTransportSuccess: a success's body reaches minio untouched.
func TestTransportSuccess(t *testing.T) {
	srv := coserrtest.Server(t, coserrtest.Route{Method: http.MethodGet, Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		w.Header().Set("ETag", `"d41d8cd98f00b204e9800998ecf8427e"`)
		_, _ = io.WriteString(w, "a,b,c\n")
	})})
	client, _ := newClient(t, srv.URL, false)
	body, _, _, err := client.GetObject(context.Background(), bucket, "report.csv", minio.GetObjectOptions{})
	require.NoError(t, err)
	defer body.Close()
	b, err := io.ReadAll(body)
	require.NoError(t, err)
	assert.Equal(t, "a,b,c\n", string(b))
}
