package miniov7_test

import (
	"context"
	"errors"
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

// TestWrapNoVerdict: a 200 to Complete Multipart Upload whose body holds
// no verdict (it ends after the padding, or it is a proxy's page) is no
// answer of COS's: coserr.FromResponse makes a *coserr.ClientError of it,
// retryable when the body ended before its verdict. minio without
// Transport reports it as an ErrorResponse of status 200 and its status
// line for a code (a page, as its XML decoder's error); Wrap gives the same kind of error as FromResponse, with
// the same retry verdict, and keeps minio's error in the chain.
func TestWrapNoVerdict(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		retryable bool
		eof       bool // errors.Is(err, io.ErrUnexpectedEOF)
		response  bool // minio reports a minio.ErrorResponse (for a page, its XML decoder's error)
	}{
		{"white space, then the end", strings.Repeat(" ", 300), true, true, true},
		{"an empty body", "", true, true, true},
		{"a proxy's page", "<html><body>gateway busy</body></html>", false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				w.Header().Set("x-cos-request-id", "nv-rid")
				_, _ = io.WriteString(w, tt.body)
			}))
			t.Cleanup(srv.Close)

			// The same response through net/http and coserr.FromResponse.
			resp, err := http.Post(srv.URL+"/"+bucket+"/big.bin?uploadId=U1", "application/xml", strings.NewReader("<CompleteMultipartUpload/>"))
			require.NoError(t, err)
			want := coserr.FromResponse(resp)
			_ = resp.Body.Close()
			var wantCE *coserr.ClientError
			require.ErrorAs(t, want, &wantCE)
			require.Equal(t, tt.retryable, coserr.IsRetryable(want))

			client, _ := newClient(t, srv.URL, true)
			_, sdkErr := client.CompleteMultipartUpload(context.Background(), bucket, "big.bin", "U1",
				[]minio.CompletePart{{PartNumber: 1, ETag: `"e"`}}, minio.PutObjectOptions{})
			require.Error(t, sdkErr, "minio reported the upload as done")
			got := miniov7.Wrap(sdkErr)
			var ce *coserr.ClientError
			require.ErrorAs(t, got, &ce, "%#v", got)
			var se *coserr.ServiceError
			assert.False(t, errors.As(got, &se), "no answer of COS's: %v", got)
			assert.Equal(t, tt.retryable, coserr.IsRetryable(got), "%v", got)
			assert.Equal(t, tt.eof, errors.Is(got, io.ErrUnexpectedEOF))
			var er minio.ErrorResponse
			assert.Equal(t, tt.response, errors.As(got, &er), "minio's error stays in the chain")
			assert.ErrorIs(t, got, sdkErr)
			assert.True(t, strings.HasPrefix(got.Error(), "cos: "), got.Error())
		})
	}
}
