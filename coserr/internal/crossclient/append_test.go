package crossclient_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/minio/minio-go/v7"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/awsv2"
	"github.com/cosgo/errcatalog/coserr/cosv5"
	"github.com/cosgo/errcatalog/coserr/internal/testkit"
	"github.com/cosgo/errcatalog/coserr/miniov7"
)

// appendQuery is the query of an append at the start of the object.
const appendQuery = "append&position=0"

// hangUp is a COS stand-in that reads each request whole, then closes the
// connection without an answer: the append may have been applied.
func hangUp(t *testing.T) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestAppendNeverRetried: an append (POST ?append&position=N) whose
// connection breaks after it was sent is sent once and its error is not
// retryable, through each SDK's adapter. minio-go sends no append, so its
// Wrap is given the error net/http makes for one.
func TestAppendNeverRetried(t *testing.T) {
	appenders := []struct {
		name string
		do   func(t *testing.T, base string, rt http.RoundTripper) error
	}{
		{"cos-go-sdk-v5", func(t *testing.T, base string, rt http.RoundTripper) error {
			u, err := url.Parse(base)
			require.NoError(t, err)
			c := cos.NewClient(&cos.BaseURL{BucketURL: u}, &http.Client{
				Transport: cosv5.Transport(&cos.AuthorizationTransport{SecretID: accessKey, SecretKey: secretKey, Transport: rt}),
			})
			c.Conf.RetryOpt.Count = attempts
			_, _, err = c.Object.Append(context.Background(), "log.txt", 0, strings.NewReader("line\n"), nil)
			return cosv5.Wrap(err)
		}},
		{"aws-sdk-go-v2", func(t *testing.T, base string, rt http.RoundTripper) error {
			c := s3.New(s3.Options{
				Region: "ap-guangzhou", BaseEndpoint: aws.String(base), UsePathStyle: true,
				Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
					return aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secretKey}, nil
				}),
				HTTPClient: &http.Client{Transport: rt},
				Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
					o.MaxAttempts = attempts
					o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
				}),
			}, awsv2.WithErrors, asAppend)
			_, err := c.PutObject(context.Background(), &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String("log.txt"), Body: strings.NewReader("line\n")})
			return err
		}},
		{"minio-go", func(t *testing.T, base string, rt http.RoundTripper) error {
			req, err := http.NewRequest(http.MethodPost, base+"/"+bucket+"/log.txt?"+appendQuery, strings.NewReader("line\n"))
			require.NoError(t, err)
			resp, err := (&http.Client{Transport: miniov7.Transport(rt)}).Do(req)
			if err == nil {
				resp.Body.Close()
			}
			require.Error(t, err)
			var ue *url.Error
			require.True(t, errors.As(err, &ue))
			var er minio.ErrorResponse
			require.False(t, errors.As(err, &er))
			return miniov7.Wrap(err)
		}},
	}
	for _, a := range appenders {
		t.Run(a.name, func(t *testing.T) {
			count := &testkit.Counter{}
			err := a.do(t, hangUp(t), count)
			var ce *coserr.ClientError
			require.ErrorAs(t, err, &ce, "%v", err)
			assert.Equal(t, http.MethodPost, ce.Op)
			assert.Contains(t, ce.URL, "log.txt?append") // aws-sdk-go-v2 spells it append=
			assert.False(t, ce.Retryable())
			assert.False(t, coserr.IsRetryable(err))
			assert.Equal(t, int32(1), count.N.Load(), "requests sent")
		})
	}
}

// asAppend turns each request of an S3 client into an append: a POST
// with the query of an append, as COS's POST Object - Append is.
func asAppend(o *s3.Options) {
	o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error {
		return s.Build.Add(middleware.BuildMiddlewareFunc("appendQuery", func(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (
			middleware.BuildOutput, middleware.Metadata, error,
		) {
			if req, ok := in.Request.(*smithyhttp.Request); ok {
				req.Method = http.MethodPost
				req.URL.RawQuery = appendQuery
			}
			return next.HandleBuild(ctx, in)
		}), middleware.After)
	})
}
