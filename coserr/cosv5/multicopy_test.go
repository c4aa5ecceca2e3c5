package cosv5_test

import (
	"context"
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

// TestWrapMultiCopyPart: Object.MultiCopy copies a source over 5 GB in
// parts with Upload Part - Copy and flattens a failed part's error into
// text, which Wrap reads back. A part whose 200 carries an <Error> gives
// status 200, as COS sent it, though Transport showed the SDK an error
// status so that it would report and retry the part.
func TestWrapMultiCopyPart(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("X-Cos-Request-Id", "copy-rid")
		switch {
		case r.Method == http.MethodHead:
			w.Header().Set("Content-Length", "6442450944") // 6 GiB: MultiCopy copies in parts
		case r.Method == http.MethodPost && r.URL.Query().Has("uploads"):
			_, _ = io.WriteString(w, "<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>copy.bin</Key><UploadId>U1</UploadId></InitiateMultipartUploadResult>")
		case r.Method == http.MethodPut:
			_, _ = io.WriteString(w, "<Error><Code>InternalError</Code><Message>copy failed</Message></Error>")
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	}))
	t.Cleanup(srv.Close)
	c := newTransportClient(t, srv.URL, 1)
	source := strings.TrimPrefix(srv.URL, "http://") + "/big.bin"
	_, _, sdkErr := c.Object.MultiCopy(context.Background(), "copy.bin", source, &cos.MultiCopyOptions{PartSize: 5000, ThreadPoolSize: 1})
	require.Error(t, sdkErr)
	err := cosv5.Wrap(sdkErr)
	var se *coserr.ServiceError
	require.ErrorAs(t, err, &se, "%v", err)
	assert.Equal(t, http.StatusOK, se.StatusCode)
	assert.Equal(t, "InternalError", se.Code)
	assert.Equal(t, "copy failed", se.Message)
	assert.Equal(t, "copy-rid", se.RequestID)
	assert.Equal(t, http.MethodPut, se.Method)
	assert.ErrorIs(t, err, coserr.InternalError)
	assert.True(t, coserr.IsRetryable(err))
}
