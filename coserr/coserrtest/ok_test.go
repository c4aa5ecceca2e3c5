package coserrtest_test

import (
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"hash/crc64"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// requestIDShape is COS's request id: base64 of hex fields joined by '_'.
var requestIDShape = regexp.MustCompile(`^[0-9a-f]{8}_[0-9a-f]{8}_[0-9a-f]+_[0-9]+$`)

// TestServerRequestIDs: every response, error or success, has its own
// request id, shaped as COS shapes it, in the body and the header alike;
// under 50 concurrent requests too.
func TestServerRequestIDs(t *testing.T) {
	srv := coserrtest.Server(t,
		coserrtest.Route{Method: http.MethodGet, Code: coserr.NoSuchKey},
		coserrtest.Route{Method: http.MethodHead, Code: coserr.NoSuchKey},
		coserrtest.Route{Handler: coserrtest.OK},
	)
	const n = 50
	var mu sync.Mutex
	seen := map[string]string{}
	traces := map[string]bool{}
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			method := []string{http.MethodGet, http.MethodHead, http.MethodPut}[i%3]
			req, err := http.NewRequest(method, srv.URL+"/k", strings.NewReader("x"))
			if !assert.NoError(t, err) {
				return
			}
			resp, err := http.DefaultClient.Do(req)
			if !assert.NoError(t, err) {
				return
			}
			defer resp.Body.Close()
			id := resp.Header.Get("X-Cos-Request-Id")
			if err := coserr.FromResponse(resp); err != nil {
				var se *coserr.ServiceError
				if assert.ErrorAs(t, err, &se) {
					assert.Equal(t, id, se.RequestID, "body and header agree")
					mu.Lock()
					assert.False(t, traces[se.TraceID], "trace id %s twice", se.TraceID)
					traces[se.TraceID] = true
					mu.Unlock()
				}
			}
			raw, err := base64.StdEncoding.DecodeString(id)
			assert.NoError(t, err, "request id %q is base64", id)
			assert.Regexp(t, requestIDShape, string(raw))
			mu.Lock()
			defer mu.Unlock()
			assert.NotContains(t, seen, id, "request id %s twice", id)
			seen[id] = method
		})
	}
	wg.Wait()
	assert.Len(t, seen, n)
}

// TestOKAnswersWhatClientsCheck: OK's success carries what the SDKs
// check: the ETag and CRC64 of the body a PUT sent, the result document of
// a copy or Complete Multipart Upload, an upload id for Initiate.
func TestOKAnswersWhatClientsCheck(t *testing.T) {
	srv := coserrtest.Server(t, coserrtest.Route{Handler: coserrtest.OK})
	payload := "hello, cos"
	sum := md5.Sum([]byte(payload))
	crc := crc64.Checksum([]byte(payload), crc64.MakeTable(crc64.ECMA))
	tests := []struct {
		name, method, path, body string
		header                   []string
		status                   int
		check                    func(t *testing.T, resp *http.Response, body string)
	}{
		{"PUT Object", http.MethodPut, "/a.txt", payload, nil, 200, func(t *testing.T, resp *http.Response, _ string) {
			assert.Equal(t, `"`+hex.EncodeToString(sum[:])+`"`, resp.Header.Get("ETag"))
			assert.Equal(t, strconv.FormatUint(crc, 10), resp.Header.Get("X-Cos-Hash-Crc64ecma"))
		}},
		{"PUT Object - Copy", http.MethodPut, "/b.txt", "", []string{"X-Cos-Copy-Source", "b-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt"}, 200,
			func(t *testing.T, _ *http.Response, body string) {
				assert.Contains(t, body, "<CopyObjectResult>")
				assert.Contains(t, body, "<ETag>")
			}},
		{"Upload Part - Copy", http.MethodPut, "/b.txt?partNumber=1&uploadId=u1", "", []string{"X-Amz-Copy-Source", "b/a.txt"}, 200,
			func(t *testing.T, _ *http.Response, body string) { assert.Contains(t, body, "<CopyPartResult>") }},
		{"Initiate Multipart Upload", http.MethodPost, "/b.txt?uploads", "", nil, 200,
			func(t *testing.T, _ *http.Response, body string) { assert.Contains(t, body, "<UploadId>") }},
		{"Complete Multipart Upload", http.MethodPost, "/b.txt?uploadId=u1", "<CompleteMultipartUpload/>", nil, 200,
			func(t *testing.T, _ *http.Response, body string) {
				assert.Contains(t, body, "<CompleteMultipartUploadResult>")
				assert.Contains(t, body, "<ETag>")
			}},
		{"DELETE Object", http.MethodDelete, "/b.txt", "", nil, 204, nil},
		{"GET Object", http.MethodGet, "/b.txt", "", nil, 200, func(t *testing.T, resp *http.Response, body string) {
			assert.Empty(t, body)
			assert.NotEmpty(t, resp.Header.Get("ETag"))
			assert.NotEmpty(t, resp.Header.Get("Last-Modified"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, srv.URL+tt.path, strings.NewReader(tt.body))
			require.NoError(t, err)
			for i := 0; i+1 < len(tt.header); i += 2 {
				req.Header.Set(tt.header[i], tt.header[i+1])
			}
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			assert.NoError(t, coserr.FromResponse(resp))
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.Equal(t, tt.status, resp.StatusCode)
			assert.Equal(t, "tencent-cos", resp.Header.Get("Server"))
			assert.NotEmpty(t, resp.Header.Get("X-Cos-Request-Id"))
			if tt.check != nil {
				tt.check(t, resp, string(body))
			}
		})
	}
}
