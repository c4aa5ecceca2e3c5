package coserr_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"syscall"
	"time"

	"github.com/cenkalti/backoff/v5"
	retryablehttp "github.com/hashicorp/go-retryablehttp"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// Match one code, a class of codes, or the io/fs sentinel of the class.
func Example_errorsIs() {
	err := coserr.FromResponse(coserrtest.Response(coserr.NoSuchKey))

	fmt.Println(errors.Is(err, coserr.NoSuchKey))    // the code
	fmt.Println(errors.Is(err, coserr.ErrNotFound))  // its class
	fmt.Println(errors.Is(err, fs.ErrNotExist))      // the class's io/fs sentinel
	fmt.Println(errors.Is(err, coserr.NoSuchBucket)) // another code
	// A HEAD response has no body and so no code; its status decides.
	head := coserr.FromResponse(coserrtest.Response(nil, coserrtest.WithStatus(404), coserrtest.WithMethod(http.MethodHead)))
	fmt.Println(errors.Is(head, coserr.ErrNotFound), errors.Is(head, coserr.NoSuchKey))
	// Output:
	// true
	// true
	// true
	// false
	// true false
}

// Get at the fields of the error, through any wrapping.
func Example_errorsAs() {
	err := fmt.Errorf("load report: %w", coserr.FromResponse(coserrtest.Response(coserr.AccessDenied,
		coserrtest.WithMessage("Access Denied."), coserrtest.WithRequestID("NjRmNzYwNjJfYjQyNzFkMDlf"))))

	var se *coserr.ServiceError
	if errors.As(err, &se) {
		fmt.Println(se.StatusCode, se.Code, se.Message)
		fmt.Println(se.RequestID, se.Class().Name(), se.Retryable())
	}
	// Output:
	// 403 AccessDenied Access Denied.
	// NjRmNzYwNjJfYjQyNzFkMDlf AccessDenied false
}

func ExampleFromResponse() {
	resp := coserrtest.Response(coserr.NoSuchBucket)
	if err := coserr.FromResponse(resp); err != nil {
		fmt.Println(err)
		fmt.Println(errors.Is(err, coserr.NoSuchBucket), coserr.IsRetryable(err))
	}
	// The body is still there, from its first byte.
	body, _ := io.ReadAll(resp.Body)
	fmt.Printf("%.39s\n", body)

	fmt.Println(coserr.FromResponse(&http.Response{StatusCode: 200, Body: http.NoBody}))
	// Output:
	// cos: 404 NoSuchBucket: The specified bucket does not exist. (request id NjU0ZjYxYjZfOTBiMjBiMDlfMWQ3NF8xMjM0NTY3)
	// true false
	// <?xml version='1.0' encoding='utf-8' ?>
	// <nil>
}

func ExampleFromTransport() {
	// Nothing listens on this port.
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close()

	req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/report.csv?q-ak=AKIDexample&q-signature=abc123", nil)
	_, err := http.DefaultClient.Do(req)
	err = coserr.FromTransport(req, err)

	var ce *coserr.ClientError
	fmt.Println(errors.As(err, &ce), ce.Op)
	fmt.Println(errors.Is(err, syscall.ECONNREFUSED), coserr.IsRetryable(err))
	fmt.Println(ce.URL == "http://"+addr+"/report.csv?q-ak=REDACTED&q-signature=REDACTED")
	fmt.Println(coserr.FromTransport(req, nil))
	// Output:
	// true GET
	// true true
	// true
	// <nil>
}

// Use CheckRetry as the policy of a go-retryablehttp client, and
// ErrorHandler for when it gives up: it retries what IsRetryable says,
// leaves the body of a response it does not retry intact, and gives the
// last COS error as the error once it runs out of attempts.
// fixedID gives a coserrtest response the request id DefaultRequestID.
var fixedID = []coserrtest.Option{coserrtest.WithRequestID(coserrtest.DefaultRequestID)}

func ExampleCheckRetry() {
	srv := coserrtest.NewServer(
		coserrtest.Route{Path: "/report.csv", Code: coserr.SlowDown, Times: 2},
		coserrtest.Route{Path: "/report.csv", Handler: coserrtest.OK},
		// Each response has a request id of its own; these two have fixed ones.
		coserrtest.Route{Path: "/missing.csv", Code: coserr.NoSuchKey, Options: fixedID},
		coserrtest.Route{Path: "/busy.csv", Code: coserr.SlowDown, Options: fixedID},
	)
	defer srv.Close()

	client := retryablehttp.NewClient()
	client.CheckRetry = coserr.CheckRetry
	client.ErrorHandler = coserr.ErrorHandler
	client.RetryMax = 3
	client.RetryWaitMin, client.RetryWaitMax = time.Millisecond, 10*time.Millisecond
	client.Logger = nil
	attempts := 0
	client.RequestLogHook = func(retryablehttp.Logger, *http.Request, int) { attempts++ }

	for _, path := range []string{"/report.csv", "/missing.csv", "/busy.csv"} {
		attempts = 0
		resp, err := client.Get(srv.URL + path)
		if err != nil {
			fmt.Println(path, "after", attempts, "attempts:", err, errors.Is(err, coserr.SlowDown))
			continue
		}
		fmt.Println(path, resp.StatusCode, "after", attempts, "attempts:", coserr.FromResponse(resp))
		resp.Body.Close()
	}
	// Output:
	// /report.csv 200 after 3 attempts: <nil>
	// /missing.csv 404 after 1 attempts: cos: 404 NoSuchKey: The specified object key does not exist. (request id NjU0ZjYxYjZfOTBiMjBiMDlfMWQ3NF8xMjM0NTY3)
	// /busy.csv after 4 attempts: cos: 503 SlowDown: The request rate is too high for the bucket (503), or for Cloud Infinite (429); reduce it and retry with backoff. (request id NjU0ZjYxYjZfOTBiMjBiMDlfMWQ3NF8xMjM0NTY3) true
}

// Retry with github.com/cenkalti/backoff/v5: a retryable error is returned
// as it is, any other is wrapped in backoff.Permanent to stop at once.
func ExampleIsRetryable_backoff() {
	srv := coserrtest.NewServer(
		coserrtest.Route{Path: "/report.csv", Code: coserr.InternalError, Times: 2},
		coserrtest.Route{Path: "/report.csv", Handler: coserrtest.OK},
		coserrtest.Route{Path: "/secret.csv", Code: coserr.AccessDenied},
	)
	defer srv.Close()

	get := func(ctx context.Context, url string) (int, error) {
		attempts := 0
		return backoff.Retry(ctx, func() (int, error) {
			attempts++
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
			if err != nil {
				return attempts, backoff.Permanent(err)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				err = coserr.FromTransport(req, err)
			} else {
				err = coserr.FromResponse(resp)
				resp.Body.Close()
			}
			if err != nil && !coserr.IsRetryable(err) {
				return attempts, backoff.Permanent(err)
			}
			return attempts, err
		}, backoff.WithBackOff(backoff.NewConstantBackOff(time.Millisecond)), backoff.WithMaxTries(5))
	}

	n, err := get(context.Background(), srv.URL+"/report.csv")
	fmt.Println(n, err)
	n, err = get(context.Background(), srv.URL+"/secret.csv")
	fmt.Println(n, errors.Is(err, coserr.AccessDenied))
	// Output:
	// 3 <nil>
	// 1 true
}
