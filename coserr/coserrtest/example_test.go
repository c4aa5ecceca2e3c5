package coserrtest_test

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

func ExampleResponse() {
	err := coserr.FromResponse(coserrtest.Response(coserr.NoSuchKey))
	fmt.Println(errors.Is(err, coserr.NoSuchKey), errors.Is(err, coserr.ErrNotFound))
	fmt.Println(err)

	// A HEAD request gets no body: only the status and the headers.
	err = coserr.FromResponse(coserrtest.Response(coserr.NoSuchKey, coserrtest.WithMethod(http.MethodHead)))
	var se *coserr.ServiceError
	errors.As(err, &se)
	fmt.Printf("code %q, class %s, request id %s\n", se.Code, se.Class().Name(), se.RequestID)
	// Output:
	// true true
	// cos: 404 NoSuchKey: The specified object key does not exist. (request id NjU0ZjYxYjZfOTBiMjBiMDlfMWQ3NF8xMjM0NTY3)
	// code "", class NotFound, request id NjU0ZjYxYjZfOTBiMjBiMDlfMWQ3NF8xMjM0NTY3
}

func ExampleResponse_options() {
	resp := coserrtest.Response(coserr.SlowDown,
		coserrtest.WithMessage("Please reduce your request rate."),
		coserrtest.WithRequestID("NjRmNzYwNjJfYjQyNzFkMDlf"),
		coserrtest.WithHeader("Retry-After", "2"),
	)
	err := coserr.FromResponse(resp)
	wait, _ := coserr.RetryAfter(err)
	fmt.Println(err)
	fmt.Println(coserr.IsRetryable(err), wait)
	// Output:
	// cos: 503 SlowDown: Please reduce your request rate. (request id NjRmNzYwNjJfYjQyNzFkMDlf)
	// true 2s
}

func ExampleNewServer() {
	srv := coserrtest.NewServer( // in a test, coserrtest.Server(t, ...) closes it for you
		coserrtest.Route{Method: http.MethodPut, Path: "/report.csv", Code: coserr.SlowDown, Times: 1},
		coserrtest.Route{Method: http.MethodPut, Path: "/report.csv", Handler: coserrtest.OK},
		coserrtest.Route{Method: http.MethodGet, Path: "/missing", Code: coserr.NoSuchKey},
	)
	defer srv.Close()

	for _, r := range []struct{ method, path string }{
		{http.MethodPut, "/report.csv"}, {http.MethodPut, "/report.csv"}, {http.MethodGet, "/missing"},
	} {
		req, _ := http.NewRequest(r.method, srv.URL+r.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			fmt.Println(coserr.FromTransport(req, err))
			return
		}
		// Each response has a request id of its own, as COS gives them.
		var se *coserr.ServiceError
		if errors.As(coserr.FromResponse(resp), &se) {
			fmt.Println(r.method, r.path, resp.StatusCode, se.Code, se.RequestID == resp.Header.Get("X-Cos-Request-Id"))
		} else {
			fmt.Println(r.method, r.path, resp.StatusCode, resp.Header.Get("ETag"))
		}
		resp.Body.Close()
	}
	// Output:
	// PUT /report.csv 503 SlowDown true
	// PUT /report.csv 200 "d41d8cd98f00b204e9800998ecf8427e"
	// GET /missing 404 NoSuchKey true
}
