package crossclient_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/internal/testkit"
)

// TestMain makes minio's wait between retries a millisecond (the other
// clients are set up per client).
func TestMain(m *testing.M) {
	minio.DefaultRetryUnit = time.Millisecond
	minio.DefaultRetryCap = time.Millisecond
	os.Exit(m.Run())
}

// sentinels are the targets every answer is matched against with errors.Is.
var sentinels = []struct {
	name string
	err  error
}{
	{"NoSuchKey", coserr.NoSuchKey}, {"AccessDenied", coserr.AccessDenied}, {"SignatureDoesNotMatch", coserr.SignatureDoesNotMatch},
	{"SlowDown", coserr.SlowDown}, {"InternalError", coserr.InternalError},
	{"ErrNotFound", coserr.ErrNotFound}, {"ErrAccessDenied", coserr.ErrAccessDenied},
	{"ErrThrottled", coserr.ErrThrottled}, {"ErrServer", coserr.ErrServer}, {"ErrUnauthenticated", coserr.ErrUnauthenticated},
	{"fs.ErrNotExist", fs.ErrNotExist}, {"fs.ErrPermission", fs.ErrPermission},
	{"ECONNREFUSED", syscall.ECONNREFUSED}, {"context.Canceled", context.Canceled},
}

// An answer is what a client's error says, compared across clients.
type answer struct {
	Kind                              string // "ServiceError", "ClientError" or "" for success
	StatusCode                        int
	Code, Message, RequestID, TraceID string
	Method                            string // ServiceError.Method or ClientError.Op
	Class                             string
	Retryable                         bool
	Is                                []string // the sentinels errors.Is matches
	Body                              bool     // ServiceError.Body kept
	FromCOS                           bool     // ServiceError.FromCOS
}

func answerOf(err error) answer {
	var a answer
	if err == nil {
		return a
	}
	var se *coserr.ServiceError
	var ce *coserr.ClientError
	switch {
	case errors.As(err, &se):
		a = answer{Kind: "ServiceError", StatusCode: se.StatusCode, Code: se.Code, Message: se.Message,
			RequestID: se.RequestID, TraceID: se.TraceID, Method: se.Method, Body: se.Body != nil, FromCOS: se.FromCOS()}
		if c := se.Class(); c != nil {
			a.Class = c.Name()
		}
	case errors.As(err, &ce):
		a = answer{Kind: "ClientError", Method: ce.Op}
	default:
		a.Kind = fmt.Sprintf("%T", err)
	}
	a.Retryable = coserr.IsRetryable(err)
	for _, s := range sentinels {
		if errors.Is(err, s.err) {
			a.Is = append(a.Is, s.name)
		}
	}
	return a
}

// runs numbers the runs, so that each run's answers carry their own ids,
// as COS gives every response its own.
var runs atomic.Int32

// proxyPage is what a proxy in front of COS answers; %d makes each run's
// page its own.
const proxyPage = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center><!-- run %d --></body>\r\n</html>"

// TestSameAnswerEveryClient sends each COS answer to every client and
// checks that every client gives the same error: the case's want, with
// RID and TID standing for the run's request and trace ids.
func TestSameAnswerEveryClient(t *testing.T) {
	service := func(status int, code, msg, method, class string, retryable bool, is ...string) answer {
		return answer{Kind: "ServiceError", StatusCode: status, Code: code, Message: msg, RequestID: "RID", TraceID: "TID",
			Method: method, Class: class, Retryable: retryable, Is: is, Body: code != "", FromCOS: true}
	}
	get, head, put := http.MethodGet, http.MethodHead, http.MethodPut
	tests := []crossCase{
		{
			name:   "GET 404 NoSuchKey",
			routes: routes(coserrtest.Route{Code: coserr.NoSuchKey}), op: getObject,
			want:     service(404, "NoSuchKey", coserr.NoSuchKey.Description(), get, "NotFound", false, "NoSuchKey", "ErrNotFound", "fs.ErrNotExist"),
			attempts: map[string]int32{"": 1},
		},
		{
			name:   "HEAD 404 without a body",
			routes: routes(coserrtest.Route{Code: coserr.NoSuchKey}), op: headObject,
			want:     service(404, "", "", head, "NotFound", false, "ErrNotFound", "fs.ErrNotExist"),
			attempts: map[string]int32{"": 1},
		},
		{
			name: "403 AccessDenied whose message names SignatureDoesNotMatch",
			routes: routes(coserrtest.Route{Code: coserr.AccessDenied, Options: []coserrtest.Option{
				coserrtest.WithMessage("SignatureDoesNotMatch")}}), op: getObject,
			want:     service(403, "AccessDenied", "SignatureDoesNotMatch", get, "Unauthenticated", false, "AccessDenied", "SignatureDoesNotMatch", "ErrUnauthenticated"),
			attempts: map[string]int32{"": 1},
		},
		{
			name:   "503 SlowDown twice, then success",
			routes: routes(coserrtest.Route{Code: coserr.SlowDown, Times: 2}, coserrtest.Route{Handler: objectOK}), op: getObject,
			attempts: map[string]int32{"": 3},
		},
		{
			name:   "503 SlowDown until the retryer gives up",
			routes: routes(coserrtest.Route{Code: coserr.SlowDown}), op: getObject,
			want:     service(503, "SlowDown", coserr.SlowDown.Description(), get, "Throttled", true, "SlowDown", "ErrThrottled"),
			attempts: map[string]int32{"": 3},
		},
		{
			name: "PUT Object - Copy with InternalError inside a 200",
			routes: routes(coserrtest.Route{Method: http.MethodPut, Code: coserr.InternalError, Options: []coserrtest.Option{
				coserrtest.WithStatus(200)}}), op: copyObject,
			want:     service(200, "InternalError", coserr.InternalError.Description(), put, "Server", true, "InternalError", "ErrServer"),
			attempts: map[string]int32{"": 3},
		},
		{
			name: "a proxy's HTML 502 without a request id",
			routes: func(run int) []coserrtest.Route {
				return []coserrtest.Route{{Options: []coserrtest.Option{coserrtest.WithStatus(502),
					coserrtest.WithBody("text/html", fmt.Sprintf(proxyPage, run)), coserrtest.WithHeader("Server", "nginx"),
					coserrtest.WithRequestID(""), coserrtest.WithTraceID("")}}}
			},
			op:       getObject,
			want:     answer{Kind: "ServiceError", StatusCode: 502, Method: get, Class: "Server", Retryable: true, Is: []string{"ErrServer"}, Body: true},
			attempts: map[string]int32{"": 3},
		},
		{
			name:     "a refused connection",
			op:       getObject,
			want:     answer{Kind: "ClientError", Method: get, Retryable: true, Is: []string{"ECONNREFUSED"}},
			attempts: map[string]int32{"": 3},
		},
	}
	runCases(t, tests)
}

// A crossCase is one COS answer, sent to every client.
type crossCase struct {
	name     string
	routes   func(run int) []coserrtest.Route // nil: nothing listens
	op       op
	want     answer
	attempts map[string]int32 // requests sent, by client; "" for every other client
	only     []string         // the clients that can send op; nil for all
	ownIDs   bool             // the server's own ids, not the run's: want.RequestID "*" for any
	check    func(t *testing.T, err error)
}

// runCases sends each case to every client and checks that every client
// gives the case's want, the same answer field by field, and no secret
// anywhere in the error's chain or in Origin.
func runCases(t *testing.T, tests []crossCase) {
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]answer{}
			cs := clients
			if tt.only != nil {
				cs = nil
				for _, c := range clients {
					if slices.Contains(tt.only, c.name) {
						cs = append(cs, c)
					}
				}
			}
			for _, c := range cs {
				t.Run(c.name, func(t *testing.T) {
					run := int(runs.Add(1))
					rid, tid := fmt.Sprintf("NjU0ZjYxYjZf%08d", run), fmt.Sprintf("OGVmYzZiMmQz%08d", run)
					base := testkit.RefusedURL(t)
					if tt.routes != nil {
						rs := tt.routes(run)
						for i := range rs {
							if !tt.ownIDs {
								rs[i].Options = append([]coserrtest.Option{coserrtest.WithRequestID(rid), coserrtest.WithTraceID(tid)}, rs[i].Options...)
							}
						}
						base = coserrtest.Server(t, rs...).URL
					}
					count := &testkit.Counter{}
					err := c.do(t, base, count, tt.op)

					a := answerOf(err)
					want := tt.want
					switch {
					case want.RequestID == "RID":
						want.RequestID, want.TraceID = rid, tid
					case want.RequestID == "*" && a.RequestID != "" && a.TraceID != "":
						want.RequestID, want.TraceID = a.RequestID, a.TraceID
					}
					assert.Equal(t, want, a, "%s: %v", c.name, err)
					switch {
					case a.RequestID == rid:
						a.RequestID, a.TraceID = "RID", strings.ReplaceAll(a.TraceID, tid, "TID")
					case tt.want.RequestID == "*":
						a.RequestID, a.TraceID = "*", "*"
					}
					got[c.name] = a
					n, ok := tt.attempts[c.name]
					if !ok {
						n, ok = tt.attempts[""]
					}
					if ok {
						assert.Equal(t, n, count.N.Load(), "requests sent")
					}
					noSecrets(t, err)
					if tt.check != nil {
						tt.check(t, err)
					}
				})
			}
			// Every client gives the same answer, each run's own ids aside.
			require.Len(t, got, len(cs))
			for _, c := range cs[1:] {
				assert.Equal(t, got[cs[0].name], got[c.name], "%s and %s disagree", cs[0].name, c.name)
			}
		})
	}
}

// objectOK answers as COS answers a GET Object that succeeds.
var objectOK = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Server", "tencent-cos")
	w.Header().Set("X-Cos-Request-Id", "NjU0ZjYxYjZfb2s=")
	w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
	w.Header().Set("ETag", `"0cc175b9c0f1b6a831c399e269772661"`)
	_, _ = w.Write([]byte("a"))
})

// routes is a case's routes, the same for every run.
func routes(rs ...coserrtest.Route) func(int) []coserrtest.Route {
	return func(int) []coserrtest.Route { return slices.Clone(rs) }
}

// plantedToken is a session token planted in bodies and URLs; no error
// may show it.
const plantedToken = "plantedSessionTokenDoNotLeak0123456789"

// noSecrets checks that no error in err's chain, nor Origin, shows a
// secret.
func noSecrets(t *testing.T, err error) {
	t.Helper()
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		for _, s := range []string{secretKey, plantedToken} {
			assert.NotContains(t, e.Error(), s, "%T in the chain", e)
		}
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		case interface{ Unwrap() []error }:
			for _, c := range u.Unwrap() {
				walk(c)
			}
		}
	}
	walk(err)
	var se *coserr.ServiceError
	if errors.As(err, &se) {
		assert.NotContains(t, se.Origin(), plantedToken, "Origin")
	}
}
