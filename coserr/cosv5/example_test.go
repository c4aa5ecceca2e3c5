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
	"strings"
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

func ExampleTransport() {
	// A stand-in for COS that refuses every signature, as COS does, with
	// the string it signed.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.Header().Set("X-Cos-Request-Id", "NjQ2ZjVlYjJfMTBhZjJjMDlf")
		w.WriteHeader(http.StatusForbidden)
		_, _ = io.WriteString(w, "<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>SignatureDoesNotMatch</Code>"+
			"<Message>The Signature you specified is invalid.</Message>"+
			"<StringToSign>sha1\n1700000000;1700003600\nc7503b92a8581b3f3f68c8f7f64a8917b03a1a95\n</StringToSign></Error>")
	}))
	defer srv.Close()
	bucket, _ := url.Parse(srv.URL)
	client := cos.NewClient(&cos.BaseURL{BucketURL: bucket}, &http.Client{
		Transport: cosv5.Transport(&cos.AuthorizationTransport{SecretID: "AKIDexample", SecretKey: "example"}),
	})

	_, err := client.Object.Get(context.Background(), "report.csv", nil)
	var se *coserr.ServiceError
	if errors.As(cosv5.Wrap(err), &se) {
		fmt.Println(se.StatusCode, se.Code, se.RequestID)
		fmt.Printf("%q\n", se.Digest()["StringToSign"])
		fmt.Println(len(se.Origin()) == len(se.Body), strings.HasPrefix(se.Origin(), "<?xml"))
	}
	// Output:
	// 403 SignatureDoesNotMatch NjQ2ZjVlYjJfMTBhZjJjMDlf
	// "sha1\n1700000000;1700003600\nc7503b92a8581b3f3f68c8f7f64a8917b03a1a95\n"
	// true true
}
