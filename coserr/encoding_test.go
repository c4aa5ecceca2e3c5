package coserr_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// TestFromResponseEncodingEdges: a Content-Encoding FromResponse reads as
// the response means it, and a body it cannot decode says so in Err
// rather than passing for a response without a code.
func TestFromResponseEncodingEdges(t *testing.T) {
	const doc = "<Error><Code>NoSuchKey</Code><Message>gone</Message><RequestId>rid</RequestId></Error>"
	gz := string(compress(t, "gzip", doc))
	tests := []struct {
		name     string
		encoding []string
		status   int
		body     string
		code     string // the code read
		decodes  bool   // the body decoded, or needed no decoding: Err is nil
	}{
		{"gzip then identity", []string{"gzip, identity"}, 404, gz, "NoSuchKey", true},
		{"identity then gzip", []string{"identity,gzip"}, 404, gz, "NoSuchKey", true},
		{"gzip in two header lines with identity", []string{"identity", "gzip"}, 404, gz, "NoSuchKey", true},
		{"GZIP in capitals", []string{"GZIP"}, 404, gz, "NoSuchKey", true},
		{"identity", []string{"identity"}, 404, doc, "NoSuchKey", true},
		{"truncated gzip", []string{"gzip"}, 404, gz[:len(gz)*3/4], "NoSuchKey", false},
		{"gzip header, plain document", []string{"gzip"}, 404, doc, "NoSuchKey", false},
		{"br, compressed", []string{"br"}, 404, "\x1b\x2c\x00\xf8\x25\x00\xa2\x40\x9c\x05", "", false},
		{"br header, plain document", []string{"br"}, 404, doc, "NoSuchKey", true},
		{"gzip twice", []string{"gzip, gzip"}, 404, string(compress(t, "gzip", gz)), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{"Content-Encoding": tt.encoding}
			resp := &http.Response{StatusCode: tt.status, Header: h, Body: io.NopCloser(strings.NewReader(tt.body)),
				Request: request(t, http.MethodGet, "https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a")}
			var se *coserr.ServiceError
			require.ErrorAs(t, coserr.FromResponse(resp), &se)
			assert.Equal(t, tt.code, se.Code)
			if tt.decodes {
				assert.NoError(t, se.Err)
			} else {
				require.Error(t, se.Err, "a body FromResponse could not read says so")
				assert.Contains(t, se.Err.Error(), "encoding")
			}
			rest, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.Equal(t, tt.body, string(rest), "resp.Body as received")
		})
	}
}

// TestFromResponse200EncodingList: an <Error> gzipped inside a copy's 200
// under "gzip, identity" is the error, as under "gzip".
func TestFromResponse200EncodingList(t *testing.T) {
	raw := compress(t, "gzip", errorDoc)
	for _, enc := range []string{"gzip", "gzip, identity", "x-gzip"} {
		t.Run(enc, func(t *testing.T) {
			resp := &http.Response{StatusCode: 200, Header: http.Header{"Content-Encoding": {enc}}, Body: io.NopCloser(bytes.NewReader(raw)),
				Request: request(t, http.MethodPut, "https://b-1250000000.cos.ap-guangzhou.myqcloud.com/c", "x-cos-copy-source", "b/a")}
			err := coserr.FromResponse(resp)
			assert.True(t, errors.Is(err, coserr.InternalError), "FromResponse = %v", err)
			rest, rerr := io.ReadAll(resp.Body)
			require.NoError(t, rerr)
			assert.Equal(t, raw, rest)
		})
	}
}

// TestParseCompressed: Parse reads a compressed body as FromResponse does,
// by the Content-Encoding of the headers it is given: the same response,
// the same answer, an <Error> gzipped inside a 200 included.
func TestParseCompressed(t *testing.T) {
	const doc = "<Error><Code>NoSuchKey</Code><Message>gone</Message><RequestId>rid</RequestId></Error>"
	tests := []struct {
		name, encoding, body string
		status               int
		code                 string
	}{
		{"gzip 404", "gzip", string(compress(t, "gzip", doc)), 404, "NoSuchKey"},
		{"deflate 404", "deflate", string(compress(t, "deflate", doc)), 404, "NoSuchKey"},
		{"gzip, identity 404", "gzip, identity", string(compress(t, "gzip", doc)), 404, "NoSuchKey"},
		{"gzip inside a 200", "gzip", string(compress(t, "gzip", errorDoc)), 200, "InternalError"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{"Content-Encoding": {tt.encoding}}
			var se *coserr.ServiceError
			require.ErrorAs(t, coserr.Parse(tt.status, h, []byte(tt.body)), &se)
			assert.Equal(t, tt.code, se.Code)
			assert.NoError(t, se.Err)
			resp := &http.Response{StatusCode: tt.status, Header: h, Body: io.NopCloser(strings.NewReader(tt.body)),
				Request: request(t, http.MethodPut, "https://b-1250000000.cos.ap-guangzhou.myqcloud.com/c", "x-cos-copy-source", "b/a")}
			var fr *coserr.ServiceError
			require.ErrorAs(t, coserr.FromResponse(resp), &fr)
			assert.Equal(t, fr.Code, se.Code, "Parse and FromResponse agree")
			assert.Equal(t, fr.RequestID, se.RequestID)
		})
	}
	var se *coserr.ServiceError
	require.ErrorAs(t, coserr.Parse(404, http.Header{"Content-Encoding": {"br"}}, []byte("\x1b\x2c\x00\xf8")), &se)
	assert.Error(t, se.Err, "a body Parse cannot decode says so")
}
