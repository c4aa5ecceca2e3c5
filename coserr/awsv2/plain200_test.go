package awsv2_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/awsv2"
)

// TestPlainClientComplete200: what the S3 client makes of a 200 to
// Complete Multipart Upload without WithErrors, as Wrap's doc says, and
// with it. Alone, the SDK takes a 200 that ends after the padding, with
// no verdict, for a success in its newer versions (there is no error for
// Wrap to see; v1.92.1 fails to decode it), and it
// retries an <Error> inside the 200 whatever its code, AccessDenied too;
// WithErrors makes the first the retryable *coserr.ClientError
// coserr.FromResponse makes, and sends the second once.
func TestPlainClientComplete200(t *testing.T) {
	tests := []struct {
		name         string
		body         string
		plainErr     bool  // the plain client reports an error (for no verdict, some SDK versions do)
		plainSent    int32 // requests the plain client sends
		withSent     int32 // requests the client WithErrors sends
		withRetrying bool  // coserr.IsRetryable of the error WithErrors
	}{
		{"white space, then the end", strings.Repeat(" ", 300), false, 1, 3, true},
		{"AccessDenied inside the 200", "  <Error><Code>AccessDenied</Code><Message>denied</Message></Error>", true, 3, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				w.Header().Set("X-Cos-Request-Id", "rid")
				_, _ = io.WriteString(w, tt.body)
			}))
			t.Cleanup(srv.Close)

			plain, pc := newClient(t, srv.URL, true)
			err := awsv2.Wrap(completeUpload(context.Background(), plain))
			if tt.plainErr {
				assert.Error(t, err, "plain client")
			} else if err != nil { // v1.92.1 fails to decode the empty result: no answer of COS's
				var ce *coserr.ClientError
				assert.ErrorAs(t, err, &ce, "plain client: %v", err)
			}
			assert.Equal(t, tt.plainSent, pc.N.Load(), "plain client's requests")

			with, wc := newClient(t, srv.URL, false)
			err = completeUpload(context.Background(), with)
			require.Error(t, err, "WithErrors: no verdict is no success")
			assert.Equal(t, tt.withRetrying, coserr.IsRetryable(err), "%v", err)
			assert.Equal(t, tt.withSent, wc.N.Load(), "WithErrors' requests")
		})
	}
}
