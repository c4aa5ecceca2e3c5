package coserr_test

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"syscall"

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
