package crossclient_test

import (
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// TestConcurrentEveryClient: 50 goroutines for each client, sharing one
// server whose every answer has its own request id (run with -race). Each
// error carries the id of its own response, never another's, and every
// client answers as the table says.
func TestConcurrentEveryClient(t *testing.T) {
	const n = 50
	srv := coserrtest.Server(t,
		coserrtest.Route{Method: http.MethodGet, Code: coserr.NoSuchKey},
		coserrtest.Route{Method: http.MethodHead, Code: coserr.NoSuchKey},
		coserrtest.Route{Method: http.MethodPut, Code: coserr.AccessDenied},
	)
	var mu sync.Mutex
	ids := map[string]string{}
	var wg sync.WaitGroup
	for _, c := range clients {
		for i := range n {
			wg.Go(func() {
				o := []op{getObject, headObject, copyObject}[i%3]
				err := c.do(t, srv.URL, http.DefaultTransport, o)
				a := answerOf(err)
				want := map[op]string{getObject: "NoSuchKey", headObject: "", copyObject: "AccessDenied"}[o]
				assert.Equal(t, want, a.Code, "%s: %v", c.name, err)
				assert.Equal(t, "ServiceError", a.Kind, "%s: %v", c.name, err)
				if !assert.NotEmpty(t, a.RequestID, "%s: %v", c.name, err) {
					return
				}
				mu.Lock()
				defer mu.Unlock()
				if other, dup := ids[a.RequestID]; dup {
					t.Errorf("%s: request id %s also in an error of %s", c.name, a.RequestID, other)
				}
				ids[a.RequestID] = c.name
			})
		}
	}
	wg.Wait()
	assert.Len(t, ids, n*len(clients))
}
