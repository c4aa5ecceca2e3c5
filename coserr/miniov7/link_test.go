package miniov7_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/miniov7"
)

// sameIDServer answers every request with a 404 whose message names the
// server and the path, all with one request id.
func sameIDServer(t *testing.T, name string) string {
	return coserrtest.Server(t, coserrtest.Route{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		resp := coserrtest.Response(coserr.NoSuchKey, coserrtest.WithMessage(name+" "+r.URL.Path),
			coserrtest.WithMethod(r.Method), coserrtest.WithRequestID("same-id"))
		for k, v := range resp.Header {
			w.Header()[k] = v
		}
		w.WriteHeader(resp.StatusCode)
		_, _ = io.Copy(w, resp.Body)
	})}).URL
}

// TestTransportTwoClientsSameID: two clients in one process, in
// parallel, whose responses, GET and bodiless HEAD, all carry the same
// request id: each error has its own response's fields and body.
func TestTransportTwoClientsSameID(t *testing.T) {
	clients := map[string]*minio.Core{}
	for _, name := range []string{"a", "b"} {
		clients[name], _ = newClient(t, sameIDServer(t, name), false)
	}
	const n = 8
	type result struct {
		name, key string
		head      bool
		err       error
	}
	var mu sync.Mutex
	var results []result
	var wg sync.WaitGroup
	for name, c := range clients {
		for i := range n {
			wg.Go(func() {
				key, head := "k"+strconv.Itoa(i), i%2 == 1
				var err error
				if head {
					_, err = c.StatObject(context.Background(), bucket, key, minio.StatObjectOptions{})
				} else {
					var body io.ReadCloser
					if body, _, _, err = c.GetObject(context.Background(), bucket, key, minio.GetObjectOptions{}); err == nil {
						body.Close()
					}
				}
				mu.Lock()
				results = append(results, result{name, key, head, miniov7.Wrap(err)})
				mu.Unlock()
			})
		}
	}
	wg.Wait()
	require.Len(t, results, 2*n)
	for _, r := range results {
		var se *coserr.ServiceError
		require.ErrorAs(t, r.err, &se)
		assert.Equal(t, "same-id", se.RequestID)
		assert.Contains(t, se.URL, "/"+r.key)
		if r.head {
			assert.Equal(t, http.MethodHead, se.Method)
			assert.Empty(t, se.Code, "no made-up code")
			continue
		}
		want := fmt.Sprintf("%s /%s/%s", r.name, bucket, r.key)
		assert.Equal(t, want, se.Message)
		assert.Contains(t, string(se.Body), "<Message>"+want+"</Message>")
		assert.Equal(t, "tencent-cos", se.Header.Get("Server"), "the headers as received")
	}
}

// cutServer answers with status and header, the first part of body, and
// then closes the connection before the announced length.
func cutServer(t *testing.T, status int, header http.Header, body string) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		for k, v := range header {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)+100))
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestWrapCutBody: a body cut mid-XML gives the ServiceError of what was
// read, with the status, as coserr.FromResponse gives; the read error
// stays inside.
func TestWrapCutBody(t *testing.T) {
	h := http.Header{"Content-Type": {"application/xml"}, "X-Cos-Request-Id": {"rid-cut"}}
	tests := []struct {
		name      string
		status    int
		body      string
		code      string
		retryable bool
	}{
		{"404 NoSuchKey cut after the code", 404, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Mess`, "NoSuchKey", false},
		{"503 cut before the code", 503, `<?xml version="1.0" encoding="UTF-8"?><Error><Co`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newClient(t, cutServer(t, tt.status, h, tt.body), false)
			err := miniov7.Wrap(getObject(context.Background(), c))
			var se *coserr.ServiceError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.status, se.StatusCode)
			assert.Equal(t, tt.code, se.Code)
			assert.Equal(t, "rid-cut", se.RequestID)
			assert.Equal(t, http.MethodGet, se.Method)
			assert.Contains(t, se.URL, "/report.csv")
			assert.Equal(t, tt.body, string(se.Body))
			assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
			assert.Equal(t, tt.retryable, coserr.IsRetryable(err))
		})
	}
}

// TestWrapEmptyCodeHeader: an empty <Code/> with x-cos-error-code gives
// the header's code.
func TestWrapEmptyCodeHeader(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.Header().Set("X-Cos-Error-Code", "NoSuchBucket")
		w.Header().Set("X-Cos-Request-Id", "rid-empty")
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code/><Message>gone</Message></Error>`)
	}))
	t.Cleanup(srv.Close)
	c, _ := newClient(t, srv.URL, false)
	err := miniov7.Wrap(getObject(context.Background(), c))
	var se *coserr.ServiceError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "NoSuchBucket", se.Code)
	assert.Equal(t, "gone", se.Message)
	assert.ErrorIs(t, err, coserr.NoSuchBucket)
}

// TestWrapForgedToken: a Server header that ends like Transport's token
// leads to no other response's error.
func TestWrapForgedToken(t *testing.T) {
	first, _ := newClient(t, sameIDServer(t, "first"), false)
	err1 := miniov7.Wrap(getObject(context.Background(), first))
	var se1 *coserr.ServiceError
	require.ErrorAs(t, err1, &se1)

	var mer minio.ErrorResponse
	require.ErrorAs(t, getObjectRaw(t, first), &mer)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Server", mer.Server) // another response's token, as received
		w.Header().Set("X-Cos-Request-Id", "rid-forged")
		w.WriteHeader(http.StatusForbidden)
		_, _ = io.WriteString(w, `<Error><Code>AccessDenied</Code><Message>forged</Message></Error>`)
	}))
	t.Cleanup(srv.Close)
	c, _ := newClient(t, srv.URL, false)
	err := miniov7.Wrap(getObject(context.Background(), c))
	var se *coserr.ServiceError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "AccessDenied", se.Code)
	assert.Equal(t, "forged", se.Message)
	assert.Equal(t, "rid-forged", se.RequestID)
}

// getObjectRaw is getObject's error as minio returns it.
func getObjectRaw(t *testing.T, c *minio.Core) error {
	t.Helper()
	err := getObject(context.Background(), c)
	require.Error(t, err)
	return err
}
