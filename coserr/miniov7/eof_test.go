package miniov7_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/miniov7"
)

// TestWrapClosedEarlyWrapped: minio's stand-in for a connection that
// closed before the response was whole ("Connection closed by foreign
// host ..." in a *url.Error) is a retryable cut connection whether Wrap
// is given minio's error itself or the error user code wrapped around it
// with fmt.Errorf("%w") or errors.Join: the same failure, the same answer.
func TestWrapClosedEarlyWrapped(t *testing.T) {
	const u = "http://127.0.0.1:9/examplebucket-1250000000/copy.csv"
	minioErr := &url.Error{Op: "Put", URL: u, Err: errors.New("Connection closed by foreign host " + u + ". Retry again.")}
	for name, in := range map[string]error{
		"as minio returns it": minioErr,
		"fmt.Errorf %w":       fmt.Errorf("copy report: %w", minioErr),
		"errors.Join":         errors.Join(errors.New("copy report"), minioErr),
	} {
		t.Run(name, func(t *testing.T) {
			err := miniov7.Wrap(in)
			var ce *coserr.ClientError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, http.MethodPut, ce.Op)
			assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
			assert.True(t, coserr.IsRetryable(err))
			var ue *url.Error
			assert.ErrorAs(t, err, &ue)
		})
	}
}
