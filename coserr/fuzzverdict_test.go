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
		{"\xbb \xef<?><CopyObjectResult>", false},
		{"<CopyObjectResult!", false},
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

// rootElement returns the name of the root element of an XML body as
// FromResponse's verdict reads it: before it, any run of white space and
// byte order mark bytes, then declarations <?...?> and <!...> with white
// space between them; its name, prefix included, ends in white space, '/'
// or '>'. ok is false when the body has no such root.
func rootElement(body []byte) (string, bool) {
	lead := 0 // white space and byte order mark bytes, in any order
	for lead < len(body) && strings.IndexByte(" \t\r\n\xef\xbb\xbf", body[lead]) >= 0 {
		lead++
	}
	s := string(body[lead:])
	for {
		switch {
		case strings.HasPrefix(s, "<?"): // "<?>" ends where it begins
			i := strings.Index(s[1:], "?>")
			if i < 0 {
				return "", false
			}
			s = strings.TrimLeft(s[1+i+2:], " \t\r\n")
		case strings.HasPrefix(s, "<!"):
			i := strings.IndexByte(s, '>')
			if i < 0 {
				return "", false
			}
			s = strings.TrimLeft(s[i+1:], " \t\r\n")
		case len(s) > 1 && s[0] == '<' && (s[1] == '_' || 'A' <= s[1] && s[1] <= 'Z' || 'a' <= s[1] && s[1] <= 'z'):
			end := strings.IndexFunc(s[1:], func(r rune) bool {
				return !(r == '_' || r == '-' || r == '.' || r == ':' || 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9')
			})
			if end < 0 || !strings.ContainsRune(" \t\r\n/>", rune(s[1+end])) {
				return "", false
			}
			return s[1 : 1+end], true
		default:
			return "", false
		}
	}
}
