package awsv2_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/cosgo/errcatalog/coserr/awsv2"
	"github.com/cosgo/errcatalog/coserr/internal/testkit"
)

// Credentials the test clients sign with; none may reach an error.
const (
	accessKey = "AKIDexampleAccessKeyDoNotLeak"
	secretKey = "exampleSecretKeyDoNotLeak"
	bucket    = "examplebucket-1250000000"
)

// newClient returns an S3 client for the server at url, signing with
// static credentials, with three attempts and no backoff, and the counter
// of its requests; opts are applied after the defaults (awsv2.WithErrors
// unless plain).
func newClient(t *testing.T, url string, plain bool) (*s3.Client, *testkit.Counter) {
	t.Helper()
	c := &testkit.Counter{}
	optFns := []func(*s3.Options){}
	if !plain {
		optFns = append(optFns, awsv2.WithErrors)
	}
	client := s3.New(s3.Options{
		Region:       "ap-guangzhou",
		BaseEndpoint: aws.String(url),
		UsePathStyle: true,
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secretKey}, nil
		}),
		HTTPClient:                 &http.Client{Transport: c},
		Retryer:                    fastRetryer(),
		RequestChecksumCalculation: aws.RequestChecksumCalculationWhenRequired,
		ResponseChecksumValidation: aws.ResponseChecksumValidationWhenRequired,
	}, optFns...)
	return client, c
}

// fastRetryer is the SDK's standard retryer with three attempts and no
// wait between them.
func fastRetryer() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = 3
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	})
}

// Operations the tests call.
func getObject(ctx context.Context, c *s3.Client) error {
	out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String("report.csv")})
	if err == nil {
		return out.Body.Close()
	}
	return err
}

func headObject(ctx context.Context, c *s3.Client) error {
	_, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String(bucket), Key: aws.String("report.csv")})
	return err
}

func copyObject(ctx context.Context, c *s3.Client) error {
	_, err := c.CopyObject(ctx, &s3.CopyObjectInput{
		Bucket: aws.String(bucket), Key: aws.String("copy.csv"), CopySource: aws.String(bucket + "/report.csv"),
	})
	return err
}

func completeUpload(ctx context.Context, c *s3.Client) error {
	_, err := c.CompleteMultipartUpload(ctx, &s3.CompleteMultipartUploadInput{
		Bucket: aws.String(bucket), Key: aws.String("big.bin"), UploadId: aws.String("1700000000abcdef"),
	})
	return err
}
