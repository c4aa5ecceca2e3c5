package cosv5_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/cosv5"
)

// sameIDServer answers every request with a 404 whose message names the
// server and the key, all with one request id.
func sameIDServer(t *testing.T, name string) string {
	return coserrtest.Server(t, coserrtest.Route{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		resp := coserrtest.Response(coserr.NoSuchKey, coserrtest.WithMessage(name+" "+r.URL.Path), coserrtest.WithRequestID("same-id"))
		for k, v := range resp.Header {
			w.Header()[k] = v
		}
		w.WriteHeader(resp.StatusCode)
		_, _ = io.Copy(w, resp.Body)
	})}).URL
}

// TestTransportTwoClientsSameID: two clients in one process, in
// parallel, whose responses all carry the same request id: each error
// has its own response's fields and body.
func TestTransportTwoClientsSameID(t *testing.T) {
	clients := map[string]*cos.Client{
		"a": newTransportClient(t, sameIDServer(t, "a"), 1),
		"b": newTransportClient(t, sameIDServer(t, "b"), 1),
	}
	const n = 16
	var wg sync.WaitGroup
	errs := map[string][]error{"a": make([]error, n), "b": make([]error, n)}
	for name, c := range clients {
		for i := range n {
			wg.Go(func() {
				_, err := c.Object.Get(context.Background(), fmt.Sprintf("k%d", i), nil)
				errs[name][i] = cosv5.Wrap(err)
			})
		}
	}
	wg.Wait()
	for name, list := range errs {
		for i, err := range list {
			var se *coserr.ServiceError
			require.ErrorAs(t, err, &se)
			want := fmt.Sprintf("%s /k%d", name, i)
			assert.Equal(t, want, se.Message)
			assert.Equal(t, "same-id", se.RequestID)
			assert.Contains(t, string(se.Body), "<Message>"+want+"</Message>")
		}
	}
}

// TestTransportCanceledRead: a 503 whose body stalls until the context
// is canceled keeps the cancellation, which is never retryable, and what
// was read.
func TestTransportCanceledRead(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.Header().Set("X-Cos-Request-Id", "rid-stall")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code>`)
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The context is canceled once the headers are in, while the body stalls.
	cancelOnHeaders := roundTripFunc(func(req *http.Request) (*http.Response, error) {
		resp, err := http.DefaultTransport.RoundTrip(req)
		cancel()
		return resp, err
	})
	u, err := url.Parse(srv.URL)
	require.NoError(t, err)
	c := cos.NewClient(&cos.BaseURL{BucketURL: u}, &http.Client{Transport: cosv5.Transport(cancelOnHeaders)})
	c.Conf.RetryOpt.Count = 1 // the last attempt is the one whose body stalls
	_, sdkErr := c.Object.Get(ctx, "k.txt", nil)
	require.Error(t, sdkErr)

	err = cosv5.Wrap(sdkErr)
	assert.ErrorIs(t, err, context.Canceled)
	assert.False(t, coserr.IsRetryable(err))
	var se *coserr.ServiceError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 503, se.StatusCode)
	assert.Equal(t, "rid-stall", se.RequestID)
	assert.Contains(t, string(se.Body), "<Code>SlowDown</Code>")
	var er *cos.ErrorResponse
	assert.True(t, errors.As(err, &er), "the SDK's error stays inside")
}

// roundTripFunc is a RoundTripper from a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }
