package crossclient_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/cosv5"
)

// TestReadmeTestKit runs the README's test-kit example with the official
// SDK: two 503s, then a PUT the SDK takes for a success (its CRC-64 check
// included); AccessDenied on a private path.
func TestReadmeTestKit(t *testing.T) {
	srv := coserrtest.Server(t,
		coserrtest.Route{Method: http.MethodPut, Path: "/big.bin", Code: coserr.SlowDown, Times: 2},
		coserrtest.Route{Method: http.MethodPut, Path: "/big.bin", Handler: coserrtest.OK}, // then success
		coserrtest.Route{Method: http.MethodGet, Path: "/private/*", Code: coserr.AccessDenied},
	)
	bucket, _ := url.Parse(srv.URL)
	client := cos.NewClient(&cos.BaseURL{BucketURL: bucket}, nil) // or point any http.Client at srv.URL
	ctx := context.Background()
	resp, err := client.Object.Put(ctx, "big.bin", strings.NewReader("data"), nil)
	require.NoError(t, err, "Put after two 503s")
	assert.NotEmpty(t, resp.Header.Get("X-Cos-Hash-Crc64ecma"))

	_, err = client.Object.Get(ctx, "private/a.txt", nil)
	err = cosv5.Wrap(err)
	assert.ErrorIs(t, err, coserr.AccessDenied)

	// Copy and Complete Multipart Upload succeed against OK too.
	srv = coserrtest.Server(t, coserrtest.Route{Handler: coserrtest.OK})
	bucket, _ = url.Parse(srv.URL)
	client = cos.NewClient(&cos.BaseURL{BucketURL: bucket}, &http.Client{Transport: cosv5.Transport(nil)})
	_, _, err = client.Object.Copy(ctx, "copy.bin", bucket.Host+"/big.bin", nil)
	require.NoError(t, cosv5.Wrap(err), "Copy")
	up, _, err := client.Object.InitiateMultipartUpload(ctx, "big.bin", nil)
	require.NoError(t, err, "Initiate")
	require.NotEmpty(t, up.UploadID)
	part, err := client.Object.UploadPart(ctx, "big.bin", up.UploadID, 1, strings.NewReader("part"), nil)
	require.NoError(t, err, "UploadPart")
	_, _, err = client.Object.CompleteMultipartUpload(ctx, "big.bin", up.UploadID, &cos.CompleteMultipartUploadOptions{
		Parts: []cos.Object{{PartNumber: 1, ETag: part.Header.Get("ETag")}}})
	require.NoError(t, cosv5.Wrap(err), "Complete")
	var se *coserr.ServiceError
	assert.False(t, errors.As(err, &se))
}
