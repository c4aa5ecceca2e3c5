package cosv5_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"syscall"

	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/cosv5"
)

func ExampleWrap() {
	// A stand-in for COS that answers every request with 404 NoSuchKey.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.Header().Set("X-Cos-Request-Id", "NjQ2ZjVlYjJfMTBhZjJjMDlf")
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, "<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>NoSuchKey</Code>"+
			"<Message>The specified key does not exist.</Message></Error>")
	}))
	defer srv.Close()
	bucket, _ := url.Parse(srv.URL)
	client := cos.NewClient(&cos.BaseURL{BucketURL: bucket}, nil)

	_, err := client.Object.Get(context.Background(), "report.csv", nil)
	err = cosv5.Wrap(err)
	fmt.Println(err)
	fmt.Println(errors.Is(err, coserr.NoSuchKey), errors.Is(err, fs.ErrNotExist), coserr.IsRetryable(err))
	var sdkErr *cos.ErrorResponse // the SDK's own error is still inside
	fmt.Println(errors.As(err, &sdkErr), sdkErr.Code)

	// A HEAD has no body: the status says what it is, the header the id.
	_, err = client.Object.Head(context.Background(), "report.csv", nil)
	err = cosv5.Wrap(err)
	var se *coserr.ServiceError
	if errors.As(err, &se) {
		fmt.Println(se.Method, se.StatusCode, errors.Is(err, coserr.ErrNotFound), se.RequestID)
	}
	// Output:
	// cos: 404 NoSuchKey: The specified key does not exist. (request id NjQ2ZjVlYjJfMTBhZjJjMDlf)
	// true true false
	// true NoSuchKey
	// HEAD 404 true NjQ2ZjVlYjJfMTBhZjJjMDlf
}

func ExampleWrap_retryError() {
	// Nothing listens on this port: every attempt is refused.
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	bucket, _ := url.Parse("http://" + l.Addr().String())
	l.Close()
	client := cos.NewClient(&cos.BaseURL{BucketURL: bucket}, nil)
	client.Conf.RetryOpt.Count = 2

	_, err := client.Object.Get(context.Background(), "report.csv", nil)
	fmt.Printf("%T %v\n", err, errors.Is(err, syscall.ECONNREFUSED))

	err = cosv5.Wrap(err)
	var ce *coserr.ClientError
	fmt.Printf("%T %v\n", err, errors.As(err, &ce))
	fmt.Println(ce.Op, errors.Is(err, syscall.ECONNREFUSED), coserr.IsRetryable(err))
	// Output:
	// *cos.RetryError false
	// *coserr.ClientError true
	// GET true true
}
