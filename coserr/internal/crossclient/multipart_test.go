package crossclient_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr/awsv2"
	"github.com/cosgo/errcatalog/coserr/cosv5"
	"github.com/cosgo/errcatalog/coserr/miniov7"
)

// partSize is the part size of every uploader: minio's least.
const partSize = 5 << 20

// bigBody is what each uploader sends: two parts.
var bigBody = bytes.Repeat([]byte("x"), partSize+1)

// A multipart answer is how the COS stand-in answers part 2 and Complete.
type multipartAnswer struct {
	part2    func(w http.ResponseWriter) // nil: the part's ETag
	complete func(w http.ResponseWriter) // nil: the result
}

// uploaders are each SDK's high-level upload of bigBody in parts, through
// its adapter.
var uploaders = []struct {
	name string
	do   func(t *testing.T, base string) error
}{
	{"aws-sdk-go-v2 manager.Uploader", func(_ *testing.T, base string) error {
		c := s3.New(s3.Options{
			Region: "ap-guangzhou", BaseEndpoint: aws.String(base), UsePathStyle: true,
			HTTPClient: &http.Client{Transport: ownBody{http.DefaultTransport}},
			Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
				return aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secretKey}, nil
			}),
			Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
				o.MaxAttempts = attempts
				o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
			}),
			RequestChecksumCalculation: aws.RequestChecksumCalculationWhenRequired,
			ResponseChecksumValidation: aws.ResponseChecksumValidationWhenRequired,
		}, awsv2.WithErrors)
		u := manager.NewUploader(c, func(u *manager.Uploader) { u.PartSize, u.Concurrency = partSize, 1 })
		_, err := u.Upload(context.Background(), &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), Body: bytes.NewReader(bigBody)})
		return err
	}},
	{"minio-go PutObject", func(t *testing.T, base string) error {
		u, err := url.Parse(base)
		require.NoError(t, err)
		c, err := minio.New(u.Host, &minio.Options{
			Creds: credentials.NewStaticV4(accessKey, secretKey, ""), Region: "ap-guangzhou",
			BucketLookup: minio.BucketLookupPath, Transport: miniov7.Transport(nil), MaxRetries: attempts,
		})
		require.NoError(t, err)
		_, err = c.PutObject(context.Background(), bucket, key, bytes.NewReader(bigBody), int64(len(bigBody)),
			minio.PutObjectOptions{PartSize: partSize, NumThreads: 1})
		return miniov7.Wrap(err)
	}},
	{"cos-go-sdk-v5 Object.Upload", func(t *testing.T, base string) error {
		u, err := url.Parse(base)
		require.NoError(t, err)
		c := cos.NewClient(&cos.BaseURL{BucketURL: u}, &http.Client{
			Transport: cosv5.Transport(&cos.AuthorizationTransport{SecretID: accessKey, SecretKey: secretKey}),
		})
		c.Conf.RetryOpt.Count = attempts
		c.Conf.EnableCRC = false // the stand-in sends no CRC
		file := filepath.Join(t.TempDir(), key)
		require.NoError(t, os.WriteFile(file, bigBody, 0o600))
		_, _, err = c.Object.Upload(context.Background(), key, file, &cos.MultiUploadOptions{PartSize: partSize >> 20})
		return cosv5.Wrap(err)
	}},
}

// multipartServer is a COS stand-in for a multipart upload that answers
// part 2 and Complete as a says, and counts the requests for each.
func multipartServer(t *testing.T, a multipartAnswer) (base string, part2, completes *atomic.Int32) {
	part2, completes = &atomic.Int32{}, &atomic.Int32{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("X-Cos-Request-Id", "mp-rid")
		q := r.URL.Query()
		switch {
		case r.Method == http.MethodPost && q.Has("uploads"):
			_, _ = io.WriteString(w, "<InitiateMultipartUploadResult><Bucket>"+bucket+"</Bucket><Key>"+key+
				"</Key><UploadId>"+uploadID+"</UploadId></InitiateMultipartUploadResult>")
		case r.Method == http.MethodPut && q.Get("partNumber") == "2" && a.part2 != nil:
			part2.Add(1)
			a.part2(w)
		case r.Method == http.MethodPut:
			if q.Get("partNumber") == "2" {
				part2.Add(1)
			}
			w.Header().Set("ETag", `"p`+q.Get("partNumber")+`"`)
		case r.Method == http.MethodPost && q.Has("uploadId"):
			completes.Add(1)
			if a.complete != nil {
				a.complete(w)
				return
			}
			_, _ = io.WriteString(w, "<CompleteMultipartUploadResult><Bucket>"+bucket+"</Bucket><Key>"+key+
				"</Key><ETag>\"f-2\"</ETag></CompleteMultipartUploadResult>")
		default: // Abort
			w.WriteHeader(http.StatusNoContent)
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL, part2, completes
}

// padded answers 200, white space while the merge runs, then body.
func padded(pad int, body string) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/xml")
		_, _ = io.WriteString(w, strings.Repeat(" ", pad))
		w.(http.Flusher).Flush()
		_, _ = io.WriteString(w, body)
	}
}

// failing answers status with an <Error> of code.
func failing(status int, code string) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/xml")
		w.Header().Set("X-Cos-Trace-Id", "mp-tid")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, "<Error><Code>"+code+"</Code><Message>m</Message></Error>")
	}
}

// TestMultipartEveryClient: each SDK's high-level multipart upload
// (aws-sdk-go-v2's manager.Uploader, minio-go's PutObject of two parts,
// cos-go-sdk-v5's Object.Upload), through its adapter, gives the same
// error for the same answer to a part or to Complete, as COS pads
// Complete's 200 while the merge runs: the part's or Complete's status,
// code, request id, class and retry verdict, Complete sent again only
// when the error is retryable, and a result after any padding a success.
// How often a failed part is sent is each SDK's own (cos-go-sdk-v5's
// Upload sends one up to three times whatever its error).
func TestMultipartEveryClient(t *testing.T) {
	errDoc := func(code string) string {
		return xmlDecl + "<Error><Code>" + code + "</Code><Message>m</Message><RequestId>mp-rid</RequestId><TraceId>mp-tid</TraceId></Error>"
	}
	service := func(status int, code, method, class string, retryable bool, is ...string) answer {
		return answer{Kind: "ServiceError", StatusCode: status, Code: code, Message: "m", RequestID: "mp-rid", TraceID: "mp-tid",
			Method: method, Class: class, Retryable: retryable, Is: is, Body: true, FromCOS: true}
	}
	tests := []struct {
		name      string
		answer    multipartAnswer
		want      answer
		completes int32 // Complete requests sent
	}{
		{"Complete: InternalError inside the padded 200", multipartAnswer{complete: padded(300, errDoc("InternalError"))},
			service(200, "InternalError", http.MethodPost, "Server", true, "InternalError", "ErrServer"), attempts},
		{"Complete: AccessDenied inside the padded 200", multipartAnswer{complete: padded(300, errDoc("AccessDenied"))},
			service(200, "AccessDenied", http.MethodPost, "AccessDenied", false, "AccessDenied", "ErrAccessDenied", "fs.ErrPermission"), 1},
		{"Complete: the result after 2 MiB of white space", multipartAnswer{complete: padded(2<<20, "<CompleteMultipartUploadResult><Bucket>"+
			bucket+"</Bucket><Key>"+key+"</Key><ETag>\"f-2\"</ETag></CompleteMultipartUploadResult>")}, answer{}, 1},
		{"part 2: 503 SlowDown", multipartAnswer{part2: failing(http.StatusServiceUnavailable, "SlowDown")},
			service(503, "SlowDown", http.MethodPut, "Throttled", true, "SlowDown", "ErrThrottled"), 0},
		{"part 2: 404 NoSuchUpload", multipartAnswer{part2: failing(http.StatusNotFound, "NoSuchUpload")},
			service(404, "NoSuchUpload", http.MethodPut, "NotFound", false, "ErrNotFound", "fs.ErrNotExist"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, u := range uploaders {
				t.Run(u.name, func(t *testing.T) {
					base, part2, completes := multipartServer(t, tt.answer)
					err := u.do(t, base)
					want := tt.want
					if u.name == "cos-go-sdk-v5 Object.Upload" && want.Method == http.MethodPut {
						want.Body = false // Upload keeps a part's error as text only (cosv5.Wrap's doc)
					}
					assert.Equal(t, want, answerOf(err), "%v", err)
					assert.Equal(t, tt.completes, completes.Load(), "Complete requests")
					assert.NotZero(t, part2.Load(), "part 2 sent")
					noSecrets(t, err)
				})
			}
		})
	}
}

// ownBody sends a copy of each request's body, so that aws-sdk-go-v2,
// which closes the body it gave as soon as the response's headers are in
// (smithy-go's ClientHandler), cannot make net/http's Transport fail the
// write it is finishing and close the connection under a long response
// body: a race of the SDK's (about one request in twenty with 2 MiB of
// padding), which has nothing to do with the errors compared here.
type ownBody struct{ rt http.RoundTripper }

func (o ownBody) RoundTrip(req *http.Request) (*http.Response, error) {
	rt := o.rt
	if rt == nil {
		rt = http.DefaultTransport
	}
	if req.Body == nil || req.Body == http.NoBody {
		return rt.RoundTrip(req)
	}
	b, err := io.ReadAll(req.Body)
	_ = req.Body.Close()
	if err != nil {
		return nil, err
	}
	r := req.Clone(req.Context())
	r.Body = io.NopCloser(bytes.NewReader(b))
	r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
	return rt.RoundTrip(r)
}
