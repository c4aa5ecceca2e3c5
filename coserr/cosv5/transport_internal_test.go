package cosv5

import (
	"net/http"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// roundTripFunc is a RoundTripper from a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

func keptLen() int {
	kept.mu.Lock()
	defer kept.mu.Unlock()
	return len(kept.m)
}

// TestTransportForgets: what Transport keeps lives only as long as its
// response; a success keeps nothing.
func TestTransportForgets(t *testing.T) {
	tr := Transport(roundTripFunc(func(req *http.Request) (*http.Response, error) {
		if req.URL.Path == "/ok" {
			return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody, Request: req}, nil
		}
		return coserrtest.Response(coserr.SlowDown), nil
	}))
	const n = 100
	resps := make([]*http.Response, 0, n)
	for range n {
		req, err := http.NewRequest(http.MethodGet, coserrtest.DefaultURL, nil)
		require.NoError(t, err)
		resp, err := tr.RoundTrip(req)
		require.NoError(t, err)
		resps = append(resps, resp)
	}
	ok, err := http.NewRequest(http.MethodGet, "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/ok", nil)
	require.NoError(t, err)
	okResp, err := tr.RoundTrip(ok)
	require.NoError(t, err)
	assert.Nil(t, lookup(okResp), "a success keeps nothing")
	assert.Nil(t, lookup(nil))

	for _, resp := range resps {
		se := lookup(resp)
		require.NotNil(t, se)
		assert.Equal(t, "SlowDown", se.Code)
		assert.NotEmpty(t, se.Body)
	}
	assert.GreaterOrEqual(t, keptLen(), n)
	runtime.KeepAlive(resps)

	require.Eventually(t, func() bool {
		runtime.GC()
		return keptLen() == 0
	}, 10*time.Second, 5*time.Millisecond, "the entries of collected responses are deleted")
}
