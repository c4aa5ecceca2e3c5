package coserrtest

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/internal/redact"
)

// A Route tells Server which requests to answer with an error, and which
// error. The first route that matches a request answers it.
type Route struct {
	// Method is the request method to match; "" matches every method.
	Method string
	// Path is the URL path to match, exactly or as a path.Match pattern:
	// "/logs/*" matches "/logs/a.txt" but not "/logs/2024/a.txt", since *
	// and ? never match a '/'; "" matches every path.
	Path string
	// Query is a URL query whose every parameter the request must have:
	// "uploads" (Initiate Multipart Upload) or "uploadId" (Complete) with
	// any value, "partNumber=2&uploadId" for part 2 alone, "acl"; a
	// request may have other parameters too. "" matches every query.
	Query string
	// Code is the error to answer with, built by Response with the
	// request's method and URL; nil answers an error without a code, as
	// Response(nil) does (set its status WithStatus).
	Code *coserr.Code
	// Options change the response, after the request's method and URL
	// are applied: WithStatus, WithMessage, WithHeader, ...
	Options []Option
	// Times is how many requests the route answers before it stops
	// matching, so that "503 twice" is Route{Code: coserr.SlowDown,
	// Times: 2}, followed by a route for what comes next (see OK); 0
	// means no limit.
	Times int
	// Handler, when set, answers in place of an error response: OK, a
	// success with a body, a slow answer, a dropped connection.
	Handler http.Handler
}

// Server starts an HTTP server on 127.0.0.1 that answers each request
// with the first route that matches it. A request no route matches is a
// mistake of the test: it fails t (naming the route that would have
// answered it but for its Times, if one would), and gets 501 Not
// Implemented with an <Error> whose Code is UnexpectedRequest and whose
// Message names the request, its signature and credentials redacted, so
// that no client takes it for success. Every response has a request id
// and a trace id of its own (NewRequestID, NewTraceID), as COS gives
// them, unless the route's Options set them. A last route with no
// Method and no Path matches every request: it is the default. t.Cleanup
// closes the server. Requests' bodies are read (and summed, for OK) before
// the answer, as COS does; the routes are safe for concurrent requests.
//
//	srv := coserrtest.Server(t,
//		coserrtest.Route{Method: http.MethodHead, Path: "/gone", Code: coserr.NoSuchKey},
//		coserrtest.Route{Method: http.MethodGet, Path: "/private/*", Code: coserr.AccessDenied},
//		coserrtest.Route{Code: coserr.InternalError, Times: 1}, // the first other request fails
//		coserrtest.Route{Handler: coserrtest.OK},               // and every later one succeeds
//	)
//	resp, err := http.Get(srv.URL + "/private/report.csv") // 403 AccessDenied
func Server(t testing.TB, routes ...Route) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(newHandler(routes, t.Errorf))
	t.Cleanup(srv.Close)
	return srv
}

// NewServer is Server for use outside a test, such as in an example or a
// TestMain: an unexpected request gets the same 501, and fails nothing.
// The caller must Close the server.
func NewServer(routes ...Route) *httptest.Server {
	return httptest.NewServer(newHandler(routes, nil))
}

// handler serves the routes.
type handler struct {
	routes     []Route
	queries    []url.Values                     // routes' Query, parsed
	unexpected func(format string, args ...any) // reports a request no route matches, or nil
	mu         sync.Mutex
	used       []int // answers given, by route
}

func newHandler(routes []Route, unexpected func(string, ...any)) *handler {
	h := &handler{routes: slices.Clone(routes), unexpected: unexpected, used: make([]int, len(routes))}
	h.queries = make([]url.Values, len(routes))
	for i, rt := range routes {
		h.queries[i], _ = url.ParseQuery(rt.Query) // what parses of a malformed one
	}
	return h
}

// queryMatches reports whether query has every parameter of want, with
// one of want's values where want gives any.
func queryMatches(want, query url.Values) bool {
	for k, vals := range want {
		if !query.Has(k) {
			return false
		}
		for _, v := range vals {
			if v != "" && !slices.Contains(query[k], v) {
				return false
			}
		}
	}
	return true
}

// match returns the route for r, counting its use, or nil and the index
// of the first route that would have answered r but for its Times (-1
// for none).
func (h *handler) match(r *http.Request) (rt *Route, usedUp int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	usedUp = -1
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
		if len(h.queries[i]) > 0 && !queryMatches(h.queries[i], r.URL.Query()) {
			continue
		}
		if rt.Times > 0 && h.used[i] >= rt.Times {
			if usedUp < 0 {
				usedUp = i
			}
			continue
		}
		h.used[i]++
		return rt, -1
	}
	return nil, usedUp
}

// usedUpText says which route would have answered a request but for its
// Times: " (route 0, PUT /k, has answered its Times: 2)".
func usedUpText(i int, rt Route) string {
	var what []string
	for _, s := range []string{rt.Method, rt.Path} {
		if s != "" {
			what = append(what, s)
		}
	}
	if rt.Query != "" {
		what = append(what, "?"+rt.Query)
	}
	if len(what) == 0 {
		what = append(what, "any request")
	}
	return fmt.Sprintf(" (route %d, %s, has answered its Times: %d)", i, strings.Join(what, " "), rt.Times)
}

// ServeHTTP answers r with its route's error, or 200 OK.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r = withSums(r)
	rt, usedUp := h.match(r)
	unexpected := rt == nil
	if unexpected {
		what := r.Method + " " + redact.URLString(r.URL.RequestURI()) // a test may sign with real credentials
		if usedUp >= 0 {
			what += usedUpText(usedUp, h.routes[usedUp])
		}
		if h.unexpected != nil {
			h.unexpected("coserrtest: no route matches %s", what)
		}
		rt = &Route{Options: []Option{
			WithStatus(http.StatusNotImplemented), WithCode("UnexpectedRequest"),
			WithMessage("coserrtest: no route matches " + what),
			WithRequestID(""), WithTraceID(""),
		}}
	}
	if rt.Handler != nil {
		rt.Handler.ServeHTTP(w, r)
		return
	}
	opts := []Option{WithMethod(r.Method), WithURL(requestURL(r))}
	if !unexpected {
		opts = append(opts, WithRequestID(NewRequestID()), WithTraceID(NewTraceID()))
	}
	opts = append(opts, rt.Options...)
	resp := Response(rt.Code, opts...)
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body)
}

// requestURL rebuilds the absolute URL of a request a server received.
func requestURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	u := url.URL{Scheme: scheme, Host: r.Host, Path: r.URL.Path, RawPath: r.URL.RawPath, RawQuery: r.URL.RawQuery}
	return u.String()
}
