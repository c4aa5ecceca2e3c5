package coserrtest_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// call sends a request to the server and parses its answer.
func call(t *testing.T, method, url string, body string) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	t.Cleanup(func() { resp.Body.Close() })
	return resp, coserr.FromResponse(resp)
}

func TestServerRoutes(t *testing.T) {
	srv := coserrtest.Server(t,
		coserrtest.Route{Method: http.MethodHead, Path: "/gone", Code: coserr.NoSuchKey},
		coserrtest.Route{Method: http.MethodGet, Path: "/gone", Code: coserr.NoSuchKey},
		coserrtest.Route{Path: "/private/*", Code: coserr.AccessDenied, Options: []coserrtest.Option{coserrtest.WithRequestID("req-private")}},
		coserrtest.Route{Method: http.MethodPut, Path: "/bare", Options: []coserrtest.Option{coserrtest.WithStatus(502), coserrtest.WithBody("text/html", "<html>bad gateway</html>")}},
		coserrtest.Route{Path: "/ok", Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			_, _ = io.WriteString(w, "hello")
		})},
		coserrtest.Route{Handler: coserrtest.OK},
	)
	tests := []struct {
		method, path string
		want         *coserr.Code // nil: no code
		status       int
		check        func(t *testing.T, resp *http.Response, se *coserr.ServiceError)
	}{
		{http.MethodHead, "/gone", nil, 404, func(t *testing.T, resp *http.Response, se *coserr.ServiceError) {
			assert.ErrorIs(t, se, coserr.ErrNotFound)
			assert.Empty(t, se.Body)
			assert.Equal(t, resp.Header.Get("X-Cos-Request-Id"), se.RequestID)
			assert.Equal(t, resp.Header.Get("X-Cos-Trace-Id"), se.TraceID)
			assert.NotEmpty(t, se.RequestID)
		}},
		{http.MethodGet, "/gone", coserr.NoSuchKey, 404, func(t *testing.T, resp *http.Response, se *coserr.ServiceError) {
			assert.Equal(t, strings.TrimPrefix(resp.Request.URL.String(), "http://"), se.Resource)
			assert.Equal(t, "tencent-cos", resp.Header.Get("Server"))
			assert.Equal(t, "application/xml", resp.Header.Get("Content-Type"))
			assert.NotEmpty(t, resp.Header.Get("Date"))
		}},
		{http.MethodDelete, "/private/a.txt", coserr.AccessDenied, 403, func(t *testing.T, _ *http.Response, se *coserr.ServiceError) {
			assert.Equal(t, "req-private", se.RequestID)
			assert.Equal(t, http.MethodDelete, se.Method)
		}},
		{http.MethodPut, "/bare", nil, 502, func(t *testing.T, _ *http.Response, se *coserr.ServiceError) {
			assert.Equal(t, "<html>bad gateway</html>", string(se.Body))
			assert.True(t, se.Retryable())
		}},
		{http.MethodPost, "/gone", nil, 200, nil},           // the default
		{http.MethodGet, "/private/a/b.txt", nil, 200, nil}, // * does not match a slash
		{http.MethodGet, "/elsewhere", nil, 200, nil},
		{http.MethodGet, "/ok", nil, 200, func(t *testing.T, resp *http.Response, _ *coserr.ServiceError) {
			b, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.Equal(t, "hello", string(b))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			resp, err := call(t, tt.method, srv.URL+tt.path, "payload")
			require.Equal(t, tt.status, resp.StatusCode)
			var se *coserr.ServiceError
			if tt.status < 300 {
				require.NoError(t, err)
			} else {
				require.True(t, errors.As(err, &se), "FromResponse = %v; want a *ServiceError", err)
				if tt.want != nil {
					require.ErrorIs(t, err, tt.want)
				} else {
					assert.Nil(t, se.Known())
				}
			}
			if tt.check != nil {
				tt.check(t, resp, se)
			}
		})
	}
}

func TestServerTimes(t *testing.T) {
	srv := coserrtest.Server(t,
		coserrtest.Route{Method: http.MethodPut, Path: "/k", Code: coserr.SlowDown, Times: 2},
		coserrtest.Route{Method: http.MethodPut, Path: "/k", Code: coserr.InternalError, Times: 1},
		coserrtest.Route{Method: http.MethodPut, Path: "/k", Handler: coserrtest.OK},
	)
	var got []int
	for range 5 {
		resp, _ := call(t, http.MethodPut, srv.URL+"/k", "data")
		got = append(got, resp.StatusCode)
	}
	assert.Equal(t, []int{503, 503, 500, 200, 200}, got)
}

func TestServerCatchAll(t *testing.T) {
	srv := coserrtest.Server(t,
		coserrtest.Route{Method: http.MethodGet, Path: "/k", Code: coserr.NoSuchKey},
		coserrtest.Route{Code: coserr.AccessDenied}, // the default
	)
	_, err := call(t, http.MethodGet, srv.URL+"/k", "")
	assert.ErrorIs(t, err, coserr.NoSuchKey)
	_, err = call(t, http.MethodPost, srv.URL+"/other", "")
	assert.ErrorIs(t, err, coserr.AccessDenied)
}

func TestServerConcurrent(t *testing.T) {
	// Times is exact under concurrent requests (run with -race).
	const n = 20
	srv := coserrtest.Server(t, coserrtest.Route{Code: coserr.SlowDown, Times: n / 2}, coserrtest.Route{Handler: coserrtest.OK})
	var mu sync.Mutex
	statuses := map[int]int{}
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			resp, err := http.Get(srv.URL + "/k")
			if !assert.NoError(t, err) {
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			mu.Lock()
			statuses[resp.StatusCode]++
			mu.Unlock()
		})
	}
	wg.Wait()
	assert.Equal(t, map[int]int{503: n / 2, 200: n / 2}, statuses)
}

func TestServerClosedByCleanup(t *testing.T) {
	var url string
	t.Run("inner", func(t *testing.T) {
		url = coserrtest.Server(t, coserrtest.Route{Handler: coserrtest.OK}).URL
		resp, err := http.Get(url)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, 200, resp.StatusCode)
		assert.True(t, strings.HasPrefix(url, "http://127.0.0.1:"), "URL = %s; want http://127.0.0.1:PORT", url)
	})
	client := &http.Client{Transport: &http.Transport{}} // no pooled connection to the closed server
	_, err := client.Get(url)
	assert.Error(t, err, "GET after the test ended; want the server closed")
}

// recorder is a testing.TB that records what Server reports.
type recorder struct {
	testing.TB
	mu     sync.Mutex
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// TestServerUnexpected: a request no route expects fails the test and
// gets an error no client takes for success, naming the request.
func TestServerUnexpected(t *testing.T) {
	rec := &recorder{TB: t}
	srv := coserrtest.Server(rec, coserrtest.Route{Method: http.MethodGet, Path: "/private/*", Code: coserr.AccessDenied})
	resp, err := call(t, http.MethodGet, srv.URL+"/private/2024/a.txt?versionId=1", "")
	assert.Equal(t, http.StatusNotImplemented, resp.StatusCode)
	var se *coserr.ServiceError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "UnexpectedRequest", se.Code)
	assert.Contains(t, se.Message, "GET /private/2024/a.txt?versionId=1")
	assert.False(t, se.FromCOS(), "no COS request id")
	assert.False(t, coserr.IsRetryable(err), "a client must not retry it")
	assert.Equal(t, []string{"coserrtest: no route matches GET /private/2024/a.txt?versionId=1"}, rec.errors)

	plain := coserrtest.NewServer()
	defer plain.Close()
	resp, err = call(t, http.MethodPut, plain.URL+"/k", "")
	assert.Equal(t, http.StatusNotImplemented, resp.StatusCode)
	assert.Error(t, err)
}
