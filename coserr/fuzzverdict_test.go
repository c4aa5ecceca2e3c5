package coserr_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// FuzzVerdict sends any body, plain or gzip-encoded, as the 200 of a
// PUT Object - Copy and checks what FromResponse owes every caller: no
// panic; resp.Body gives back every byte as received; a nil error only
// for a result document's root; and an <Error> root never read as
// success.
func FuzzVerdict(f *testing.F) {
	for _, s := range []struct {
		body string
		gz   bool
	}{
		{`<?xml version="1.0"?><CopyObjectResult><ETag>"x"</ETag></CopyObjectResult>`, false},
		{`<?xml version="1.0"?>` + strings.Repeat(" ", 300) + `<Error><Code>InternalError</Code></Error>`, false},
		{strings.Repeat("\n ", 100) + `<?xml version="1.0"?><Error><Code>SlowDown</Code><Message>m</Message></Error>`, true},
		{`<?xml version="1.0"?>   `, false},
		{"\xef\xbb\xbf<Error><Code>NoSuchKey</Code></Error>", false},
		{`<!-- c --><CompleteMultipartUploadResult/>`, true},
		{"", false},
	} {
		f.Add([]byte(s.body), s.gz)
	}
	f.Fuzz(func(t *testing.T, body []byte, gz bool) {
		wire := body
		header := http.Header{}
		if gz {
			var b bytes.Buffer
			w := gzip.NewWriter(&b)
			_, _ = w.Write(body)
			require.NoError(t, w.Close())
			wire = b.Bytes()
			header.Set("Content-Encoding", "gzip")
		}
		req := &http.Request{Method: http.MethodPut, URL: &url.URL{Scheme: "https", Host: "b-1250000000.cos.ap-guangzhou.myqcloud.com", Path: "/dst"},
			Header: http.Header{"X-Cos-Copy-Source": {"b-1250000000.cos.ap-guangzhou.myqcloud.com/src"}}}
		resp := &http.Response{StatusCode: 200, Header: header, Body: io.NopCloser(bytes.NewReader(wire)), Request: req}

		err := coserr.FromResponse(resp)

		replayed, readErr := io.ReadAll(resp.Body)
		require.NoError(t, readErr)
		require.Equal(t, wire, replayed, "resp.Body must give back the body as received")

		root, ok := rootElement(body)
		if err == nil {
			require.True(t, ok, "FromResponse(200 %q) = nil, but the body has no root element", body)
			if i := strings.LastIndexByte(root, ':'); i >= 0 {
				root = root[i+1:]
			}
			require.Contains(t, []string{"CopyObjectResult", "CopyPartResult", "CompleteMultipartUploadResult"}, root,
				"FromResponse(200 %q) = nil for a body that is no COS result", body)
		}
		var se *coserr.ServiceError
		if ok && root == "Error" && len(body) < coserr.MaxBodyBytes {
			require.Error(t, err, "an <Error> root read as success: %q", body)
			if errors.As(err, &se) {
				require.Equal(t, 200, se.StatusCode)
			}
		}
	})
}

// rootElement returns the name of the first element of an XML body,
// after a byte order mark, white space, the declaration, comments,
// doctypes and processing instructions; ok is false when there is none.
func rootElement(body []byte) (string, bool) {
	s := strings.TrimPrefix(string(body), "\xef\xbb\xbf")
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		switch {
		case strings.HasPrefix(s, "<?"):
			i := strings.Index(s, "?>")
			if i < 0 {
				return "", false
			}
			s = s[i+2:]
		case strings.HasPrefix(s, "<!--"):
			i := strings.Index(s, "-->")
			if i < 0 {
				return "", false
			}
			s = s[i+3:]
		case strings.HasPrefix(s, "<!"): // a doctype
			i := strings.IndexByte(s, '>')
			if i < 0 {
				return "", false
			}
			s = s[i+1:]
		case strings.HasPrefix(s, "<") && len(s) > 1:
			end := strings.IndexAny(s[1:], " \t\r\n/>")
			if end < 0 {
				return "", false
			}
			return s[1 : 1+end], true
		default:
			return "", false
		}
	}
}
