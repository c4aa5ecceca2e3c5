package coserrtest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"path"
	"slices"
	"sync"
	"testing"

	"github.com/cosgo/errcatalog/coserr"
)

// A Route tells Server which requests to answer with an error, and which
// error. The first route that matches a request answers it.
type Route struct {
	// Method is the request method to match; "" matches every method.
	Method string
	// Path is the URL path to match, exactly or as a path.Match pattern
	// ("/logs/*", whose * matches no '/'); "" matches every path.
	Path string
	// Code is the error to answer with, built by Response with the
	// request's method and URL; nil answers an error without a code, as
	// Response(nil) does (set its status WithStatus).
	Code *coserr.Code
	// Options change the response, after the request's method and URL
	// are applied: WithStatus, WithMessage, WithHeader, ...
	Options []Option
	// Times is how many requests the route answers before it stops
	// matching, so that "503 twice, then success" is
	// Route{Code: coserr.SlowDown, Times: 2}; 0 means no limit.
	Times int
	// Handler, when set, answers in place of an error response: a
	// success with a body, a slow answer, a dropped connection.
	Handler http.Handler
}

// Server starts an HTTP server on 127.0.0.1 that answers each request
// with the first route that matches it, and every other request with 200
// OK and an empty body; a last route with no Method and no Path is
// therefore the default. t.Cleanup closes the server. Requests' bodies are
// read and discarded before the answer, as COS does; the routes are safe
// for concurrent requests.
//
//	srv := coserrtest.Server(t,
//		coserrtest.Route{Method: http.MethodHead, Path: "/gone", Code: coserr.NoSuchKey},
//		coserrtest.Route{Method: http.MethodGet, Path: "/private/*", Code: coserr.AccessDenied},
//		coserrtest.Route{Code: coserr.InternalError, Times: 1}, // the first other request fails
//	)
//	resp, err := http.Get(srv.URL + "/private/report.csv") // 403 AccessDenied
func Server(t testing.TB, routes ...Route) *httptest.Server {
	t.Helper()
	srv := NewServer(routes...)
	t.Cleanup(srv.Close)
	return srv
}

// NewServer is Server for use outside a test, such as in an example or a
// TestMain: the caller must Close the server.
func NewServer(routes ...Route) *httptest.Server {
	return httptest.NewServer(&handler{routes: slices.Clone(routes), used: make([]int, len(routes))})
}

// handler serves the routes.
type handler struct {
	routes []Route
	mu     sync.Mutex
	used   []int // answers given, by route
}

// match returns the route for r, counting its use, or nil.
func (h *handler) match(r *http.Request) *Route {
	h.mu.Lock()
	defer h.mu.Unlock()
	for i := range h.routes {
		rt := &h.routes[i]
		if rt.Method != "" && rt.Method != r.Method {
			continue
		}
		if rt.Path != "" && rt.Path != r.URL.Path {
			if ok, _ := path.Match(rt.Path, r.URL.Path); !ok {
				continue
			}
		}
		if rt.Times > 0 && h.used[i] >= rt.Times {
			continue
		}
		h.used[i]++
		return rt
	}
	return nil
}

// ServeHTTP answers r with its route's error, or 200 OK.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	rt := h.match(r)
	if rt == nil {
		w.Header().Set("Server", "tencent-cos")
		w.Header().Set("X-Cos-Request-Id", DefaultRequestID)
		w.Header().Set("Content-Length", "0")
		w.WriteHeader(http.StatusOK)
		return
	}
	if rt.Handler != nil {
		rt.Handler.ServeHTTP(w, r)
		return
	}
	opts := append([]Option{WithMethod(r.Method), WithURL(requestURL(r))}, rt.Options...)
	resp := Response(rt.Code, opts...)
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body)
}
