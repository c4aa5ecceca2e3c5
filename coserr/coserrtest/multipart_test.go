package coserrtest_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"hash/crc64"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// TestOKCompleteCRC64: OK answers Complete Multipart Upload with the
// object's x-cos-hash-crc64ecma, the CRC-64 of its parts in the order the
// request lists them, as COS does: cos-go-sdk-v5's Object.Upload compares
// it with the file's and fails a multipart upload without it. Parts are
// uploaded concurrently and out of order, through Server and with OK as
// the handler of a server of the test's own.
func TestOKCompleteCRC64(t *testing.T) {
	parts := [][]byte{
		bytes.Repeat([]byte("a"), 1<<20), bytes.Repeat([]byte("0123456789"), 100_000), []byte("tail"),
	}
	whole := bytes.Join(parts, nil)
	want := strconv.FormatUint(crc64.Checksum(whole, crc64.MakeTable(crc64.ECMA)), 10)
	tests := []struct {
		name  string
		start func(t *testing.T) string
		order []int // the part numbers, as Complete lists them
		want  string
	}{
		{"Server", func(t *testing.T) string { return coserrtest.Server(t, coserrtest.Route{Handler: coserrtest.OK}).URL }, []int{1, 2, 3}, want},
		{"OK as a handler", func(t *testing.T) string {
			srv := httptest.NewServer(coserrtest.OK)
			t.Cleanup(srv.Close)
			return srv.URL
		}, []int{1, 2, 3}, want},
		{"a part uploaded twice counts once, the last", func(t *testing.T) string {
			return coserrtest.Server(t, coserrtest.Route{Handler: coserrtest.OK}).URL
		}, []int{1, 2, 3}, want},
		{"a part not uploaded: no CRC", func(t *testing.T) string {
			return coserrtest.Server(t, coserrtest.Route{Handler: coserrtest.OK}).URL
		}, []int{1, 2, 3, 4}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := tt.start(t)
			resp, err := http.Post(base+"/k?uploads", "", nil)
			require.NoError(t, err)
			var init struct{ UploadId string }
			require.NoError(t, xml.NewDecoder(resp.Body).Decode(&init))
			resp.Body.Close()
			require.NotEmpty(t, init.UploadId)
			put := func(n int, body []byte) {
				req, err := http.NewRequest(http.MethodPut, fmt.Sprintf("%s/k?partNumber=%d&uploadId=%s", base, n, init.UploadId), bytes.NewReader(body))
				if !assert.NoError(t, err) {
					return
				}
				resp, err := http.DefaultClient.Do(req)
				if assert.NoError(t, err) {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					assert.Equal(t, http.StatusOK, resp.StatusCode)
				}
			}
			if strings.HasPrefix(tt.name, "a part uploaded twice") {
				put(2, []byte("an earlier try"))
			}
			var wg sync.WaitGroup
			for i := len(parts) - 1; i >= 0; i-- {
				wg.Go(func() { put(i+1, parts[i]) })
			}
			wg.Wait()
			var doc strings.Builder
			doc.WriteString("<CompleteMultipartUpload>")
			for _, n := range tt.order {
				fmt.Fprintf(&doc, "<Part><PartNumber>%d</PartNumber><ETag>\"e\"</ETag></Part>", n)
			}
			doc.WriteString("</CompleteMultipartUpload>")
			resp, err = http.Post(base+"/k?uploadId="+init.UploadId, "application/xml", strings.NewReader(doc.String()))
			require.NoError(t, err)
			defer resp.Body.Close()
			require.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, tt.want, resp.Header.Get("X-Cos-Hash-Crc64ecma"))
		})
	}
}
