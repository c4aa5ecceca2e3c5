package awsv2_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/awsv2"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

func ExampleWithErrors() {
	// A stand-in for COS that answers every request with 404 NoSuchKey.
	srv := coserrtest.NewServer(coserrtest.Route{Code: coserr.NoSuchKey})
	defer srv.Close()
	client := s3.New(s3.Options{
		Region: "ap-guangzhou", BaseEndpoint: aws.String(srv.URL), UsePathStyle: true,
		Credentials: aws.AnonymousCredentials{},
	}, awsv2.WithErrors)
	ctx, bucket, key := context.Background(), aws.String("examplebucket-1250000000"), aws.String("report.csv")

	_, err := client.GetObject(ctx, &s3.GetObjectInput{Bucket: bucket, Key: key})
	var se *coserr.ServiceError
	if errors.As(err, &se) {
		fmt.Println(se.StatusCode, se.Code, se.RequestID == se.Header.Get("X-Cos-Request-Id"))
		fmt.Println(errors.Is(err, coserr.NoSuchKey), coserr.IsRetryable(err), se.Digest()["Code"])
	}
	var sdkErr *types.NoSuchKey // the SDK's own error is still inside
	fmt.Println(errors.As(err, &sdkErr))

	// A HEAD has no body: no code, where the SDK makes up "NotFound".
	_, err = client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: bucket, Key: key})
	if errors.As(err, &se) {
		fmt.Printf("%s %d %q %v\n", se.Method, se.StatusCode, se.Code, errors.Is(err, coserr.ErrNotFound))
	}
	// Output:
	// 404 NoSuchKey true
	// true false NoSuchKey
	// true
	// HEAD 404 "" true
}

func ExampleWrap() {
	srv := coserrtest.NewServer(coserrtest.Route{Code: coserr.SlowDown,
		Options: []coserrtest.Option{coserrtest.WithRequestID(coserrtest.DefaultRequestID)}})
	defer srv.Close()
	client := s3.New(s3.Options{ // a client without WithErrors, retrying once
		Region: "ap-guangzhou", BaseEndpoint: aws.String(srv.URL), UsePathStyle: true,
		Credentials: aws.AnonymousCredentials{}, RetryMaxAttempts: 1,
	})

	_, err := client.GetObject(context.Background(), &s3.GetObjectInput{
		Bucket: aws.String("examplebucket-1250000000"), Key: aws.String("report.csv"),
	})
	err = awsv2.Wrap(err)
	fmt.Println(err)
	fmt.Println(errors.Is(err, coserr.ErrThrottled), coserr.IsRetryable(err))
	// Output:
	// cos: 503 SlowDown: The request rate is too high for the bucket (503), or for Cloud Infinite (429); reduce it and retry with backoff. (request id NjU0ZjYxYjZfOTBiMjBiMDlfMWQ3NF8xMjM0NTY3)
	// true true
}
