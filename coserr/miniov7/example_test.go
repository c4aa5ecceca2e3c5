package miniov7_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/miniov7"
)

func ExampleWrap() {
	// A stand-in for COS that answers every request with 404 NoSuchKey.
	srv := coserrtest.NewServer(coserrtest.Route{Code: coserr.NoSuchKey,
		Options: []coserrtest.Option{coserrtest.WithRequestID("NjQ2ZjVlYjJfMTBhZjJjMDlf")}})
	defer srv.Close()
	endpoint, _ := url.Parse(srv.URL)
	client, _ := minio.New(endpoint.Host, &minio.Options{
		Creds:  credentials.NewStaticV4("AKIDexample", "example", ""),
		Region: "ap-guangzhou", BucketLookup: minio.BucketLookupPath,
		Transport: miniov7.Transport(nil), // keeps error bodies and headers for Wrap
	})

	// A HEAD has no body: minio makes up NoSuchKey, Wrap gives COS's answer.
	_, err := client.StatObject(context.Background(), "examplebucket-1250000000", "report.csv", minio.StatObjectOptions{})
	fmt.Println(minio.ToErrorResponse(err).Code)
	err = miniov7.Wrap(err)
	var se *coserr.ServiceError
	if errors.As(err, &se) {
		fmt.Printf("%s %d %q %s\n", se.Method, se.StatusCode, se.Code, se.RequestID)
		fmt.Println(errors.Is(err, coserr.ErrNotFound), errors.Is(err, coserr.NoSuchKey), coserr.IsRetryable(err))
	}
	// Output:
	// NoSuchKey
	// HEAD 404 "" NjQ2ZjVlYjJfMTBhZjJjMDlf
	// true false false
}
