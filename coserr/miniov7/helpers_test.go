package miniov7_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr/internal/testkit"
	"github.com/cosgo/errcatalog/coserr/miniov7"
)

// Credentials the test clients sign with.
const (
	accessKey = "AKIDexampleAccessKeyDoNotLeak"
	secretKey = "exampleSecretKeyDoNotLeak"
	bucket    = "examplebucket-1250000000"
)

// TestMain makes minio's backoff between retries a millisecond.
func TestMain(m *testing.M) {
	minio.DefaultRetryUnit = time.Millisecond
	minio.DefaultRetryCap = time.Millisecond
	os.Exit(m.Run())
}

// newClient returns a minio client for the server at rawURL, path-style,
// with the region set (so minio asks no bucket location) and three
// attempts; with Transport unless plain.
func newClient(t *testing.T, rawURL string, plain bool) (*minio.Core, *testkit.Counter) {
	t.Helper()
	u, err := url.Parse(rawURL)
	require.NoError(t, err)
	c := &testkit.Counter{}
	var tr http.RoundTripper = c
	if !plain {
		tr = miniov7.Transport(c)
	}
	core, err := minio.NewCore(u.Host, &minio.Options{
		Creds:        credentials.NewStaticV4(accessKey, secretKey, ""),
		Region:       "ap-guangzhou",
		BucketLookup: minio.BucketLookupPath,
		Transport:    tr,
		MaxRetries:   3,
	})
	require.NoError(t, err)
	return core, c
}

// Operations the tests call.
func getObject(ctx context.Context, c *minio.Core) error {
	body, _, _, err := c.GetObject(ctx, bucket, "report.csv", minio.GetObjectOptions{})
	if err == nil {
		return body.Close()
	}
	return err
}

func statObject(ctx context.Context, c *minio.Core) error {
	_, err := c.StatObject(ctx, bucket, "report.csv", minio.StatObjectOptions{})
	return err
}

func copyObject(ctx context.Context, c *minio.Core) error {
	_, err := c.Client.CopyObject(ctx, minio.CopyDestOptions{Bucket: bucket, Object: "copy.csv"},
		minio.CopySrcOptions{Bucket: bucket, Object: "report.csv"})
	return err
}
