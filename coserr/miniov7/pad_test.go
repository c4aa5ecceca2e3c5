package miniov7_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/miniov7"
)

// TestTransportPaddedComplete: COS answers Complete Multipart Upload with
// a 200 at once and sends white space until the merge is done, however
// long it takes, then the result. minio reads at most 1 MiB of a 200 it
// looks into for an <Error> and takes a body that holds no XML within
// that much for a failure ("200 OK"), so a merge padded past 1 MiB was
// reported as failed though it succeeded. Through Transport the verdict
// is COS's, whatever the padding: a result is a success with its ETag, an
// <Error> the error coserr.FromResponse makes.
func TestTransportPaddedComplete(t *testing.T) {
	const result = "<CompleteMultipartUploadResult><Location>x</Location><Bucket>" + bucket +
		"</Bucket><Key>big.bin</Key><ETag>\"final-2\"</ETag></CompleteMultipartUploadResult>"
	const failure = "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message>" +
		"<RequestId>pad-rid</RequestId></Error>"
	const decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	tests := []struct {
		name     string
		body     string
		wantCode string // "" for success
	}{
		{"result after 2 MiB of spaces", strings.Repeat(" ", 2<<20) + result, ""},
		{"result after 2 MiB of newlines", strings.Repeat("\n", 2<<20) + result, ""},
		{"declaration, then 2 MiB of spaces, then the result", decl + strings.Repeat(" ", 2<<20) + result, ""},
		{"result after 1 KiB of spaces", strings.Repeat(" ", 1<<10) + result, ""},
		{"result, no padding", result, ""},
		{"error after 2 MiB of spaces", strings.Repeat(" ", 2<<20) + failure, "InternalError"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				w.Header().Set("x-cos-request-id", "pad-rid")
				_, _ = io.WriteString(w, tt.body)
			}))
			t.Cleanup(srv.Close)
			client, _ := newClient(t, srv.URL, false)
			info, err := client.CompleteMultipartUpload(context.Background(), bucket, "big.bin", "1700000000abcdef",
				[]minio.CompletePart{{PartNumber: 1, ETag: `"e"`}}, minio.PutObjectOptions{})
			err = miniov7.Wrap(err)
			if tt.wantCode == "" {
				require.NoError(t, err, "a merge that succeeded reported as failed")
				assert.Equal(t, "final-2", info.ETag)
				return
			}
			var se *coserr.ServiceError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, http.StatusOK, se.StatusCode)
			assert.Equal(t, tt.wantCode, se.Code)
			assert.Equal(t, "pad-rid", se.RequestID)
		})
	}
}
