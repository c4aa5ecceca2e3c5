package coserr_test

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
)

// errorDoc is an <Error> document COS can send inside a 200.
const errorDoc = "<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>InternalError</Code><Message>oops</Message><RequestId>rid</RequestId></Error>"

// request is a request with the given headers, name and value in turn.
func request(t *testing.T, method, rawURL string, header ...string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, rawURL, nil)
	require.NoError(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return req
}

// TestFromResponseReads200Of: which requests' 200 FromResponse reads.
func TestFromResponseReads200Of(t *testing.T) {
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
		{"copy, method in lower case", request(t, "put", u, "x-cos-copy-source", "b/a"), true},
		{"copy, header key set in the map as sent", rawHeader(request(t, http.MethodPut, u), "x-cos-copy-source", "b/a"), true},
		{"S3's copy header set in the map as sent", rawHeader(request(t, http.MethodPut, u), "x-amz-copy-source", "b/a"), true},
		{"copy, an empty copy source", request(t, http.MethodPut, u, "x-cos-copy-source", ""), false},
		{"Complete, method in lower case", request(t, "post", u+"?uploadId=1"), true},
		{"Complete, uploadId percent-encoded as COS decodes it", request(t, http.MethodPost, u+"?%75ploadId=1"), true},
		{"Complete, uploadId escaped in the middle", request(t, http.MethodPost, u+"?partNumber=1&upload%49d=1"), true},
		{"Complete, uploadId twice", request(t, http.MethodPost, u+"?uploadId=1&uploadId=2"), true},
		{"POST, another parameter named like uploadId", request(t, http.MethodPost, u+"?uploadIds=1"), false},
		{"copy, a hand-built request without a URL", &http.Request{Method: http.MethodPut, Header: http.Header{"X-Cos-Copy-Source": {"b/a"}}}, true},
		{"POST, a hand-built request without a URL", &http.Request{Method: http.MethodPost}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(errorDoc)), Request: tt.req}
			err := coserr.FromResponse(resp)
			assert.Equal(t, tt.want, err != nil, "FromResponse = %v", err)
			body, rerr := io.ReadAll(resp.Body)
			require.NoError(t, rerr)
			assert.Equal(t, errorDoc, string(body), "the body, replayed whole")
		})
	}
}

// TestFromResponse200: the error a response stands for, its body put back
// whole either way.
func TestFromResponse200(t *testing.T) {
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
			err := coserr.FromResponse(resp)
			if tt.code == "" {
				assert.NoError(t, err)
			} else {
				var se *coserr.ServiceError
				require.ErrorAs(t, err, &se)
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

// TestFromResponse200ReadError: a read that fails midway is kept in Err, and the
// replayed body fails the same way after the bytes read.
func TestFromResponse200ReadError(t *testing.T) {
	boom := errors.New("connection reset")
	body := io.MultiReader(strings.NewReader(errorDoc), iotest.ErrReader(boom))
	resp := &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(body),
		Request: request(t, http.MethodPost, "https://b.cos.ap-guangzhou.myqcloud.com/big.bin?uploadId=1")}
	var se *coserr.ServiceError
	require.ErrorAs(t, coserr.FromResponse(resp), &se)
	assert.Equal(t, "InternalError", se.Code)
	assert.ErrorIs(t, se, boom)
	rest, err := io.ReadAll(resp.Body)
	assert.ErrorIs(t, err, boom)
	assert.Equal(t, errorDoc, string(rest))
	assert.Error(t, coserr.FromResponse(nil), "no response is no success")
}

// rawHeader sets a header in req's map under key as given, not
// canonicalized, as a caller may; net/http sends it as it is.
func rawHeader(req *http.Request, key, value string) *http.Request {
	req.Header[key] = []string{value}
	return req
}

// countReader counts the reads of r.
type countReader struct {
	r io.Reader
	n int
}

func (c *countReader) Read(p []byte) (int, error) {
	c.n++
	return c.r.Read(p)
}
