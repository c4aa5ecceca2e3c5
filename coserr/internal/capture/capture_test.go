package capture_test

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/internal/capture"
)

const errorDoc = "<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>InternalError</Code><Message>oops</Message><RequestId>rid</RequestId></Error>"

func request(t *testing.T, method, rawURL string, header ...string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, rawURL, nil)
	require.NoError(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return req
}

func TestErrorIn200(t *testing.T) {
	const u = "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/big.bin"
	tests := []struct {
		name string
		req  *http.Request
		want bool
	}{
		{"PUT Object - Copy", request(t, http.MethodPut, u, "x-cos-copy-source", "b.cos.ap-guangzhou.myqcloud.com/a"), true},
		{"S3's copy header", request(t, http.MethodPut, u, "x-amz-copy-source", "b/a"), true},
		{"Upload Part - Copy", request(t, http.MethodPut, u+"?partNumber=1&uploadId=1", "x-cos-copy-source", "b/a"), true},
		{"Complete Multipart Upload", request(t, http.MethodPost, u+"?uploadId=1700000000abcdef"), true},
		{"PUT Object", request(t, http.MethodPut, u), false},
		{"Upload Part", request(t, http.MethodPut, u+"?partNumber=1&uploadId=1"), false},
		{"Initiate Multipart Upload", request(t, http.MethodPost, u+"?uploads"), false},
		{"GET Object", request(t, http.MethodGet, u+"?uploadId=1"), false},
		{"nil", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, capture.ErrorIn200(tt.req))
		})
	}
}

func TestResponse(t *testing.T) {
	copyReq := request(t, http.MethodPut, "https://b.cos.ap-guangzhou.myqcloud.com/copy.csv?q-signature=secret", "x-cos-copy-source", "b/a")
	getReq := request(t, http.MethodGet, "https://b.cos.ap-guangzhou.myqcloud.com/a")
	big := "<CopyObjectResult>" + strings.Repeat(" ", 2*coserr.MaxBodyBytes) + "</CopyObjectResult>"
	tests := []struct {
		name   string
		status int
		req    *http.Request
		body   io.Reader
		code   string // "" for no error
		rest   string // what the body then reads
	}{
		{"an error inside the 200 of a copy", 200, copyReq, strings.NewReader(errorDoc), "InternalError", errorDoc},
		{"a copy's result", 200, copyReq, strings.NewReader("<CopyObjectResult/>"), "", "<CopyObjectResult/>"},
		{"a copy's result past MaxBodyBytes", 200, copyReq, strings.NewReader(big), "", big},
		{"a GET's 200 is not read", 200, getReq, strings.NewReader(errorDoc), "", errorDoc},
		{"a 404", 404, getReq, strings.NewReader(errorDoc), "InternalError", errorDoc},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reads := &countReader{r: tt.body}
			resp := &http.Response{StatusCode: tt.status, Header: http.Header{}, Body: io.NopCloser(reads), Request: tt.req}
			se := capture.Response(resp)
			if tt.code == "" {
				assert.Nil(t, se)
			} else {
				require.NotNil(t, se)
				assert.Equal(t, tt.code, se.Code)
				assert.Equal(t, tt.status, se.StatusCode)
				assert.Equal(t, tt.req.Method, se.Method)
				assert.NotContains(t, se.URL, "secret")
			}
			if tt.req == getReq && tt.status < 300 {
				assert.Zero(t, reads.n, "a body not read")
			}
			rest, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.Equal(t, tt.rest, string(rest))
		})
	}
}

// TestResponseReadError: a read that fails midway is kept in Err, and the
// replayed body fails the same way after the bytes read.
func TestResponseReadError(t *testing.T) {
	boom := errors.New("connection reset")
	body := io.MultiReader(strings.NewReader(errorDoc), iotest.ErrReader(boom))
	resp := &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(body),
		Request: request(t, http.MethodPost, "https://b.cos.ap-guangzhou.myqcloud.com/big.bin?uploadId=1")}
	se := capture.Response(resp)
	require.NotNil(t, se)
	assert.Equal(t, "InternalError", se.Code)
	assert.ErrorIs(t, se, boom)
	rest, err := io.ReadAll(resp.Body)
	assert.ErrorIs(t, err, boom)
	assert.Equal(t, errorDoc, string(rest))
	assert.Nil(t, capture.Response(nil))
}

type countReader struct {
	r io.Reader
	n int
}

func (c *countReader) Read(p []byte) (int, error) {
	c.n++
	return c.r.Read(p)
}
