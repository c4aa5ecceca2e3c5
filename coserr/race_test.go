package coserr_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"sync"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// sharedErrorView is everything a reader can ask of the shared errors,
// computed once alone and then by many goroutines at once.
type sharedErrorView struct {
	text, wrappedText, clientText, logText string
	digest                                 map[string]string
	isCode, isClass, isFS, isAs            bool
	retryable, clientRetryable             bool
	retryAfter                             string
	lookup                                 *coserr.Code
	codes                                  int
	class                                  *coserr.Class
	origin                                 string
}

func viewSharedErrors(se *coserr.ServiceError, wrapped, ce error) sharedErrorView {
	var se2 *coserr.ServiceError
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{ReplaceAttr: func(g []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey && len(g) == 0 {
			return slog.Attr{}
		}
		return a
	}})).Error("failed", "err", se, "wrapped", wrapped, "client", ce)
	d, ok := coserr.RetryAfter(wrapped)
	codes := coserr.Codes()
	codes[0] = nil // a copy: scribbling on it must not race with the others
	st := coserr.SlowDown.Statuses()
	st[0] = 0
	return sharedErrorView{
		text: se.Error(), wrappedText: fmt.Sprintf("%v", wrapped), clientText: ce.Error(),
		logText: buf.String() + se.LogValue().String(),
		digest:  se.Digest(),
		isCode:  errors.Is(wrapped, coserr.SlowDown), isClass: errors.Is(wrapped, coserr.ErrThrottled),
		isFS: errors.Is(wrapped, fs.ErrNotExist), isAs: errors.As(wrapped, &se2) && se2 == se,
		retryable: coserr.IsRetryable(wrapped), clientRetryable: coserr.IsRetryable(ce),
		retryAfter: fmt.Sprint(d, ok),
		lookup:     coserr.Lookup("SlowDown"), codes: len(codes),
		class: se.Class(), origin: se.Origin(),
	}
}

// TestSharedAcrossGoroutines shares one *ServiceError, its wrapper, a
// *ClientError and the sentinels among many goroutines, while another
// goroutine drains the response body the ServiceError was read from. Run
// it with -race.
func TestSharedAcrossGoroutines(t *testing.T) {
	body := []byte(`<?xml version='1.0' encoding='utf-8' ?>
<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><StringToSign>sha1
1615113257;1615199657
c7503b92a8581b3f3f68c8f7f64a8917b03a1a95
</StringToSign><RequestId>NjA3OGY4NGFfNjJkMmMwYl8</RequestId><TraceId>OGVmYzZiMmQzYjA2OWNh</TraceId></Error>`)
	u, err := url.Parse("https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.jpg?q-sign-algorithm=sha1&q-signature=c7503b92a8581b3f")
	require.NoError(t, err)
	req := &http.Request{Method: http.MethodGet, URL: u}
	resp := &http.Response{
		StatusCode: 503, Header: http.Header{"Retry-After": {"3"}, "X-Cos-Request-Id": {"NjA3OGY4NGFfNjJkMmMwYl8"}},
		Body: io.NopCloser(bytes.NewReader(body)), ContentLength: -1, Request: req,
	}
	var se *coserr.ServiceError
	require.ErrorAs(t, coserr.FromResponse(resp), &se)
	wrapped := fmt.Errorf("put a.jpg: %w", se)
	reset := &net.OpError{Op: "read", Net: "tcp", Err: &os.SyscallError{Syscall: "read", Err: syscall.ECONNRESET}}
	ce := coserr.FromTransport(req, &url.Error{Op: "Get", URL: u.String(), Err: reset})

	want := viewSharedErrors(se, wrapped, ce)
	require.True(t, want.isCode && want.isClass && want.isAs && want.retryable && want.clientRetryable, "%+v", want)

	const workers, rounds = 16, 50
	var wg sync.WaitGroup
	got := make([][]sharedErrorView, workers)
	var drained []byte
	wg.Go(func() {
		drained, _ = io.ReadAll(resp.Body)
	})
	for w := range workers {
		wg.Go(func() {
			for range rounds {
				got[w] = append(got[w], viewSharedErrors(se, wrapped, ce))
			}
		})
	}
	wg.Wait()
	assert.Equal(t, body, drained)
	for w := range workers {
		for r, v := range got[w] {
			if !assert.Equal(t, want, v, "worker %d, round %d", w, r) {
				return
			}
		}
	}
}
