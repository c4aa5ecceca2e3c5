package crossclient_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/hashicorp/go-retryablehttp"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/awsv2"
	"github.com/cosgo/errcatalog/coserr/cosv5"
	"github.com/cosgo/errcatalog/coserr/miniov7"
)

// Every client makes three attempts, with no wait between them.
const attempts = 3

const (
	accessKey = "AKIDexampleAccessKeyDoNotLeak"
	secretKey = "exampleSecretKeyDoNotLeak"
	bucket    = "examplebucket-1250000000"
	key       = "report.csv"
	copyKey   = "copy.csv"
)

// An op is what a case asks a client to do.
type op int

const (
	getObject      op = iota // GET Object
	headObject               // HEAD Object
	copyObject               // PUT Object - Copy
	completeUpload           // Complete Multipart Upload
	appendObject             // POST Object ?append&position=0 (net/http and cos-go-sdk-v5 only)
	putObject                // PUT Object of putBody
	copyPart                 // Upload Part - Copy: part 1 of upload uploadID from key
)

// putBody is what putObject uploads.
const putBody = "hello, cos"

// uploadID is the multipart upload that completeUpload completes.
const uploadID = "1700000000abcdef"

// A client sends op to the COS stand-in at base and returns the error
// coserr's adapter for it makes, nil on success.
type client struct {
	name string
	do   func(t *testing.T, base string, rt http.RoundTripper, o op) error
}

var clients = []client{
	{"net/http", netHTTP},
	{"cos-go-sdk-v5", cosSDK},
	{"aws-sdk-go-v2", awsSDK},
	{"minio-go", minioSDK},
}

// netHTTP is plain net/http with go-retryablehttp, coserr.CheckRetry and
// coserr.ErrorHandler, virtual-hosted style (the bucket is the host).
func netHTTP(t *testing.T, base string, rt http.RoundTripper, o op) error {
	c := &retryablehttp.Client{
		HTTPClient: &http.Client{Transport: rt}, RetryMax: attempts - 1,
		CheckRetry: coserr.CheckRetry, ErrorHandler: coserr.ErrorHandler, Backoff: retryablehttp.DefaultBackoff,
	}
	method, path := http.MethodGet, "/"+key
	switch o {
	case headObject:
		method = http.MethodHead
	case copyObject:
		method, path = http.MethodPut, "/"+copyKey
	case completeUpload:
		method, path = http.MethodPost, "/"+key+"?uploadId="+uploadID
	case appendObject:
		method, path = http.MethodPost, "/"+key+"?append&position=0"
	case putObject:
		method = http.MethodPut
	case copyPart:
		method, path = http.MethodPut, "/"+copyKey+"?partNumber=1&uploadId="+uploadID
	}
	var body any
	if o == completeUpload {
		body = []byte("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"e\"</ETag></Part></CompleteMultipartUpload>")
	} else if o == appendObject {
		body = []byte("line\n")
	} else if o == putObject {
		body = []byte(putBody)
	}
	req, err := retryablehttp.NewRequest(method, base+path, body)
	require.NoError(t, err)
	if o == copyObject || o == copyPart {
		req.Header.Set("X-Cos-Copy-Source", bucket+".cos.ap-guangzhou.myqcloud.com/"+key)
	}
	resp, err := c.Do(req)
	if err != nil {
		return coserr.FromTransport(req.Request, err)
	}
	defer resp.Body.Close()
	return coserr.FromResponse(resp)
}

// cosSDK is cos-go-sdk-v5 with cosv5.Transport and cosv5.Wrap.
func cosSDK(t *testing.T, base string, rt http.RoundTripper, o op) error {
	u, err := url.Parse(base)
	require.NoError(t, err)
	c := cos.NewClient(&cos.BaseURL{BucketURL: u}, &http.Client{
		Transport: cosv5.Transport(&cos.AuthorizationTransport{SecretID: accessKey, SecretKey: secretKey, Transport: rt}),
	})
	c.Conf.RetryOpt.Count = attempts
	ctx := context.Background()
	switch o {
	case headObject:
		_, err = c.Object.Head(ctx, key, nil)
	case copyObject:
		_, _, err = c.Object.Copy(ctx, copyKey, bucket+".cos.ap-guangzhou.myqcloud.com/"+key, nil)
	case completeUpload:
		_, _, err = c.Object.CompleteMultipartUpload(ctx, key, uploadID,
			&cos.CompleteMultipartUploadOptions{Parts: []cos.Object{{PartNumber: 1, ETag: `"e"`}}})
	case appendObject:
		_, _, err = c.Object.Append(ctx, key, 0, strings.NewReader("line\n"), nil)
	case putObject:
		_, err = c.Object.Put(ctx, key, strings.NewReader(putBody), nil)
	case copyPart:
		_, _, err = c.Object.CopyPart(ctx, copyKey, uploadID, 1, bucket+".cos.ap-guangzhou.myqcloud.com/"+key, nil)
	default:
		var resp *cos.Response
		if resp, err = c.Object.Get(ctx, key, nil); err == nil {
			resp.Body.Close()
		}
	}
	return cosv5.Wrap(err)
}

// awsSDK is aws-sdk-go-v2's S3 client with awsv2.WithErrors, path style.
func awsSDK(_ *testing.T, base string, rt http.RoundTripper, o op) error {
	c := s3.New(s3.Options{
		Region: "ap-guangzhou", BaseEndpoint: aws.String(base), UsePathStyle: true,
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secretKey}, nil
		}),
		HTTPClient: &http.Client{Transport: ownBody{rt}},
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = attempts
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		}),
		RequestChecksumCalculation: aws.RequestChecksumCalculationWhenRequired,
		ResponseChecksumValidation: aws.ResponseChecksumValidationWhenRequired,
	}, awsv2.WithErrors)
	ctx, b, k := context.Background(), aws.String(bucket), aws.String(key)
	var err error
	switch o {
	case headObject:
		_, err = c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: b, Key: k})
	case copyObject:
		_, err = c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: b, Key: aws.String(copyKey), CopySource: aws.String(bucket + "/" + key)})
	case completeUpload:
		_, err = c.CompleteMultipartUpload(ctx, &s3.CompleteMultipartUploadInput{Bucket: b, Key: k, UploadId: aws.String(uploadID),
			MultipartUpload: &types.CompletedMultipartUpload{Parts: []types.CompletedPart{{PartNumber: aws.Int32(1), ETag: aws.String(`"e"`)}}}})
	case putObject:
		_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: b, Key: k, Body: strings.NewReader(putBody)})
	case copyPart:
		_, err = c.UploadPartCopy(ctx, &s3.UploadPartCopyInput{Bucket: b, Key: aws.String(copyKey), UploadId: aws.String(uploadID),
			PartNumber: aws.Int32(1), CopySource: aws.String(bucket + "/" + key)})
	default:
		var out *s3.GetObjectOutput
		if out, err = c.GetObject(ctx, &s3.GetObjectInput{Bucket: b, Key: k}); err == nil {
			out.Body.Close()
		}
	}
	return err
}

// minioSDK is minio-go with miniov7.Transport and miniov7.Wrap, path style.
func minioSDK(t *testing.T, base string, rt http.RoundTripper, o op) error {
	u, err := url.Parse(base)
	require.NoError(t, err)
	c, err := minio.NewCore(u.Host, &minio.Options{
		Creds: credentials.NewStaticV4(accessKey, secretKey, ""), Region: "ap-guangzhou",
		BucketLookup: minio.BucketLookupPath, Transport: miniov7.Transport(rt), MaxRetries: attempts,
	})
	require.NoError(t, err)
	ctx := context.Background()
	switch o {
	case headObject:
		_, err = c.StatObject(ctx, bucket, key, minio.StatObjectOptions{})
	case copyObject:
		_, err = c.Client.CopyObject(ctx, minio.CopyDestOptions{Bucket: bucket, Object: copyKey},
			minio.CopySrcOptions{Bucket: bucket, Object: key})
	case completeUpload:
		_, err = c.CompleteMultipartUpload(ctx, bucket, key, uploadID, []minio.CompletePart{{PartNumber: 1, ETag: `"e"`}}, minio.PutObjectOptions{})
	case putObject:
		_, err = c.Client.PutObject(ctx, bucket, key, strings.NewReader(putBody), int64(len(putBody)), minio.PutObjectOptions{})
	case copyPart:
		_, err = c.CopyObjectPart(ctx, bucket, key, bucket, copyKey, uploadID, 1, 0, -1, nil)
	default:
		var body io.ReadCloser
		if body, _, _, err = c.GetObject(ctx, bucket, key, minio.GetObjectOptions{}); err == nil {
			body.Close()
		}
	}
	return miniov7.Wrap(err)
}
