package crossclient_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr/internal/testkit"
)

// cutBody is a RoundTripper that gives each response's body up to the
// first cut bytes, then fails with err, as a connection cut mid-body or a
// context canceled during the read does.
type cutBody struct {
	next http.RoundTripper
	cut  int
	err  error
}

func (c *cutBody) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(req)
	if err != nil || req.Method == http.MethodHead {
		return resp, err
	}
	resp.Body = &failingReader{r: io.LimitReader(resp.Body, int64(c.cut)), err: c.err, body: resp.Body}
	return resp, nil
}

// failingReader reads r, then fails with err.
type failingReader struct {
	r    io.Reader
	err  error
	body io.Closer
}

func (f *failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		err = f.err
	}
	return n, err
}

func (f *failingReader) Close() error { return f.body.Close() }

// TestSameAnswerFailedRead: an error response whose body cannot be read
// to its end gives, through every client, the ServiceError of what was
// read with the read's failure inside; a canceled context is never
// retryable. The same response with an empty <Code/> and the code in
// x-cos-error-code gives the header's code.
func TestSameAnswerFailedRead(t *testing.T) {
	const prolog = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	get := http.MethodGet
	tests := []struct {
		name     string
		status   int
		header   map[string]string
		body     string
		cut      int   // bytes of body the client gets; 0 for all
		err      error // the failure after them
		want     answer
		attempts map[string]int32
	}{
		{
			name: "503 SlowDown whose read is canceled", status: 503,
			body: prolog + "<Error><Code>SlowDown</Code><Message>slow</Message></Error>", cut: len(prolog) + 28, err: context.Canceled,
			want: answer{Kind: "ServiceError", StatusCode: 503, Code: "SlowDown", RequestID: "RID", TraceID: "TID", Method: get,
				Class: "Throttled", Is: []string{"SlowDown", "ErrThrottled", "context.Canceled"}, Body: true, FromCOS: true},
			// cos-go-sdk-v5 retries any 5xx itself.
			attempts: map[string]int32{"": 1, "cos-go-sdk-v5": 3},
		},
		{
			name: "404 NoSuchKey cut mid-XML", status: 404,
			body: prolog + "<Error><Code>NoSuchKey</Code><Message>gone</Message></Error>", cut: len(prolog) + 30, err: io.ErrUnexpectedEOF,
			want: answer{Kind: "ServiceError", StatusCode: 404, Code: "NoSuchKey", RequestID: "RID", TraceID: "TID", Method: get,
				Class: "NotFound", Is: []string{"NoSuchKey", "ErrNotFound", "fs.ErrNotExist"}, Body: true, FromCOS: true},
			attempts: map[string]int32{"": 1},
		},
		{
			name: "503 cut before <Code>", status: 503,
			body: prolog + "<Error><Code>SlowDown</Code></Error>", cut: len(prolog) + 9, err: io.ErrUnexpectedEOF,
			want: answer{Kind: "ServiceError", StatusCode: 503, RequestID: "RID", TraceID: "TID", Method: get,
				Class: "Server", Retryable: true, Is: []string{"ErrServer"}, Body: true, FromCOS: true},
			// minio returns a failed read at once.
			attempts: map[string]int32{"": 3, "minio-go": 1},
		},
		{
			name: "404 with an empty <Code/> and x-cos-error-code", status: 404,
			header: map[string]string{"X-Cos-Error-Code": "NoSuchBucket"},
			body:   prolog + "<Error><Code/><Message>The specified bucket does not exist.</Message></Error>",
			want: answer{Kind: "ServiceError", StatusCode: 404, Code: "NoSuchBucket", Message: "The specified bucket does not exist.",
				RequestID: "RID", TraceID: "TID", Method: get, Class: "NotFound",
				Is: []string{"ErrNotFound", "fs.ErrNotExist"}, Body: true, FromCOS: true},
			attempts: map[string]int32{"": 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]answer{}
			for _, c := range clients {
				t.Run(c.name, func(t *testing.T) {
					run := int(runs.Add(1))
					rid, tid := fmt.Sprintf("NjU0ZjYxYjZf%08d", run), fmt.Sprintf("OGVmYzZiMmQz%08d", run)
					srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
						w.Header().Set("Content-Type", "application/xml")
						w.Header().Set("Server", "tencent-cos")
						w.Header().Set("X-Cos-Request-Id", rid)
						w.Header().Set("X-Cos-Trace-Id", tid)
						for k, v := range tt.header {
							w.Header().Set(k, v)
						}
						w.WriteHeader(tt.status)
						_, _ = io.WriteString(w, tt.body)
					}))
					t.Cleanup(srv.Close)
					count := &testkit.Counter{}
					var rt http.RoundTripper = count
					if tt.cut > 0 {
						rt = &cutBody{next: count, cut: tt.cut, err: tt.err}
					}
					err := c.do(t, srv.URL, rt, getObject)

					a := answerOf(err)
					want := tt.want
					want.RequestID, want.TraceID = rid, tid
					assert.Equal(t, want, a, "%s: %v", c.name, err)
					a.RequestID, a.TraceID = "RID", strings.ReplaceAll(a.TraceID, tid, "TID")
					got[c.name] = a
					n, ok := tt.attempts[c.name]
					if !ok {
						n = tt.attempts[""]
					}
					assert.Equal(t, n, count.N.Load(), "requests sent")
				})
			}
			require.Len(t, got, len(clients))
			for _, c := range clients[1:] {
				assert.Equal(t, got[clients[0].name], got[c.name], "%s and %s disagree", clients[0].name, c.name)
			}
		})
	}
}
