package miniov7

import (
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// roundTripFunc is a RoundTripper from a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

// TestTokensFreed: an error response's token lives as long as the
// response or minio's error that holds it, and its entry goes with it; a
// success keeps nothing.
func TestTokensFreed(t *testing.T) {
	before := liveTokens()
	tr := Transport(roundTripFunc(func(req *http.Request) (*http.Response, error) {
		if req.URL.Path == "/ok" {
			return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody, Request: req}, nil
		}
		return coserrtest.Response(coserr.SlowDown), nil
	}))
	const n = 50
	ers := make([]minio.ErrorResponse, 0, n)
	for range n {
		req, err := http.NewRequest(http.MethodGet, coserrtest.DefaultURL, nil)
		require.NoError(t, err)
		resp, err := tr.RoundTrip(req)
		require.NoError(t, err)
		_, _ = io.Copy(io.Discard, resp.Body)
		// What minio keeps of the response.
		ers = append(ers, minio.ErrorResponse{StatusCode: resp.StatusCode, Code: "SlowDown", Server: resp.Header.Get("Server")})
	}
	ok, err := http.NewRequest(http.MethodGet, "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/ok", nil)
	require.NoError(t, err)
	_, err = tr.RoundTrip(ok)
	require.NoError(t, err)
	assert.Equal(t, before+n, liveTokens(), "one token per error response")

	for _, er := range ers {
		se := lookup(&er)
		require.NotNil(t, se)
		assert.Equal(t, "SlowDown", se.Code)
		assert.NotEmpty(t, se.Body)
		assert.False(t, strings.Contains(er.Server, "coserr-"), "lookup takes the token off")
	}
	ers = nil
	runtime.KeepAlive(ers)
	for i := 0; i < 1000 && liveTokens() > before; i++ {
		runtime.GC()
		runtime.Gosched()
	}
	assert.Equal(t, before, liveTokens(), "the entries of collected tokens are deleted")
}
