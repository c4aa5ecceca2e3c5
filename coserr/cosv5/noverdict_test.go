package cosv5_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/cosv5"
)

// TestWrapCompleteNoVerdict: a 200 to Complete Multipart Upload whose
// body ends after the padding, with no verdict, is no answer of COS's:
// coserr.FromResponse (and so Wrap through Transport) makes a retryable
// *coserr.ClientError of it, the body having ended before its verdict.
// Without Transport the SDK reports it as "response 200 OK, but body
// contains an error, [32 32 ...]"; Wrap gives the same kind of error and
// the same retry verdict, with the SDK's error in the chain. A page that
// is no XML stays a ClientError that is not retried, as FromResponse
// says.
func TestWrapCompleteNoVerdict(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		retryable bool
	}{
		{"white space, then the end", strings.Repeat(" ", 300), true},
		{"white space and newlines, then the end", "\n \r\n\t ", true},
		{"a proxy's page", "<html><body>gateway busy</body></html>", false},
	}
	for _, tt := range tests {
		for _, transport := range []bool{false, true} {
			name := tt.name + "/plain"
			if transport {
				name = tt.name + "/Transport"
			}
			t.Run(name, func(t *testing.T) {
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					_, _ = io.Copy(io.Discard, r.Body)
					w.Header().Set("X-Cos-Request-Id", "nv-rid")
					_, _ = io.WriteString(w, tt.body)
				}))
				t.Cleanup(srv.Close)

				resp, err := http.Post(srv.URL+"/big.bin?uploadId=U1", "application/xml", strings.NewReader("<CompleteMultipartUpload/>"))
				require.NoError(t, err)
				want := coserr.FromResponse(resp)
				_ = resp.Body.Close()
				require.Equal(t, tt.retryable, coserr.IsRetryable(want), "%v", want)

				var c *cos.Client
				if transport {
					c = newTransportClient(t, srv.URL, 1)
				} else {
					c, _ = newClient(t, srv.URL, 1)
				}
				_, _, sdkErr := c.Object.CompleteMultipartUpload(context.Background(), "big.bin", "U1",
					&cos.CompleteMultipartUploadOptions{Parts: []cos.Object{{PartNumber: 1, ETag: `"e"`}}})
				require.Error(t, sdkErr, "the SDK reported the upload as done")
				got := cosv5.Wrap(sdkErr)
				var ce *coserr.ClientError
				require.ErrorAs(t, got, &ce, "%#v", got)
				var se *coserr.ServiceError
				assert.False(t, errors.As(got, &se), "no answer of COS's: %v", got)
				assert.Equal(t, tt.retryable, coserr.IsRetryable(got), "%v", got)
				assert.Equal(t, tt.retryable, errors.Is(got, io.ErrUnexpectedEOF))
				assert.ErrorIs(t, got, sdkErr)
				if !transport { // through Transport, the SDK's *url.Error holds the ClientError
					assert.True(t, strings.HasPrefix(got.Error(), "cos: "), got.Error())
				}
			})
		}
	}
}

// TestWrapCompleteNoVerdictText: the error's text does not list the
// padding's bytes, however many the SDK printed.
func TestWrapCompleteNoVerdictText(t *testing.T) {
	sdkErr := errors.New("response 200 OK, but body contains an error, [" + strings.TrimSpace(strings.Repeat("32 ", 1<<16)) + "]")
	got := cosv5.Wrap(sdkErr)
	assert.Equal(t, "cos: the 200 body ended before its verdict: unexpected EOF (cos-go-sdk-v5: response 200 OK, but body contains an error, white space only)", got.Error())
	assert.True(t, coserr.IsRetryable(got))
	assert.ErrorIs(t, got, sdkErr)
}
