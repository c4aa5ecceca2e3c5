package coserr_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// TestFromStreamError: an error inside SELECT Object Content's event
// stream is a ServiceError with the 200's status and ids.
func TestFromStreamError(t *testing.T) {
	resp := coserrtest.Response(nil, coserrtest.WithStatus(200), coserrtest.WithMethod(http.MethodPost),
		coserrtest.WithURL("https://b-125.cos.ap-guangzhou.myqcloud.com/data.csv?select&select-type=2&sign=s3cret"))
	err := coserr.FromStreamError(resp, " InternalError ", "We encountered an internal error. Please try again.")
	var se *coserr.ServiceError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 200, se.StatusCode)
	assert.Equal(t, "InternalError", se.Code)
	assert.Equal(t, coserrtest.DefaultRequestID, se.RequestID)
	assert.Equal(t, coserrtest.DefaultTraceID, se.TraceID)
	assert.Equal(t, http.MethodPost, se.Method)
	assert.Equal(t, "https://b-125.cos.ap-guangzhou.myqcloud.com/data.csv?select&select-type=2&sign=REDACTED", se.URL)
	require.ErrorIs(t, err, coserr.InternalError)
	assert.True(t, coserr.IsRetryable(err))
	assert.Equal(t, "cos: 200 InternalError: We encountered an internal error. Please try again. (request id "+coserrtest.DefaultRequestID+")", err.Error())

	bare := coserr.FromStreamError(nil, "SQLParsingError", "bad SQL")
	require.ErrorAs(t, bare, &se)
	assert.Equal(t, 200, se.StatusCode)
	assert.Equal(t, "SQLParsingError", se.Code)
	assert.Empty(t, se.RequestID)
}
