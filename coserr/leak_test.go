package coserr_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/internal/testkit"
)

// The secrets of the presigned URLs below; none may show in any output.
var presignSecrets = []string{
	"AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM", // q-ak, the SecretId
	"5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d",
	"TOKENe0wgYXNlY3VyaXR5LXRva2Vu",
	"AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request",
	"aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
	"IQoJb3JpZ2luX2VjEJr",
}

// presignedQueries are the query strings of a COS and an S3-style
// presigned URL, with the keys in several cases.
var presignedQueries = map[string]string{
	"cos": "q-sign-algorithm=sha1&q-ak=AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM&q-sign-time=1700000000%3B1700003600" +
		"&q-key-time=1700000000%3B1700003600&q-header-list=host&q-url-param-list=" +
		"&q-signature=5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d&x-cos-security-token=TOKENe0wgYXNlY3VyaXR5LXRva2Vu",
	"cos upper case": "Q-SIGN-ALGORITHM=sha1&Q-AK=AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM&Q-SIGN-TIME=1700000000%3B1700003600" +
		"&Q-KEY-TIME=1700000000%3B1700003600&Q-SIGNATURE=5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d&X-Cos-Security-Token=TOKENe0wgYXNlY3VyaXR5LXRva2Vu",
	"s3": "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request" +
		"&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host" +
		"&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr",
	"s3 lower case, v2 names": "x-amz-credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request" +
		"&x-amz-signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404&Signature=5f8a5e2d3c4b1a09f8e7d6c5b4a39281706f5e4d" +
		"&sign=TOKENe0wgYXNlY3VyaXR5LXRva2Vu&AWSAccessKeyId=AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM",
}

// renderAll is every way an error reaches people and logs.
func renderAll(t *testing.T, err error) []string {
	t.Helper()
	var jb, tb bytes.Buffer
	for _, h := range []slog.Handler{slog.NewJSONHandler(&jb, nil), slog.NewTextHandler(&tb, nil)} {
		slog.New(h).Error("request failed", "err", err, "wrapped", fmt.Errorf("sync: %w", err))
	}
	out := []string{err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%s", fmt.Errorf("x: %w", err)), jb.String(), tb.String()}
	var se *coserr.ServiceError
	if errors.As(err, &se) {
		out = append(out, se.URL, fmt.Sprint(se.Digest()), se.LogValue().String())
	}
	var ce *coserr.ClientError
	if errors.As(err, &ce) {
		out = append(out, ce.URL, ce.LogValue().String())
	}
	return out
}

func assertNoSecrets(t *testing.T, outputs []string) {
	t.Helper()
	for _, out := range outputs {
		for _, s := range presignSecrets {
			for _, form := range []string{s, url.QueryEscape(s)} {
				assert.NotContains(t, out, form)
			}
		}
	}
}

// TestTransportErrorRedacted sends presigned requests to a closed port
// with a real http.Client: the *url.Error quotes the whole URL, and
// neither FromTransport's ClientError nor its log records show a secret.
func TestTransportErrorRedacted(t *testing.T) {
	addr := strings.TrimPrefix(testkit.RefusedURL(t), "http://")
	for name, q := range presignedQueries {
		t.Run(name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, "http://"+addr+"/photo.jpg?"+q, nil)
			require.NoError(t, err)
			_, terr := http.DefaultClient.Do(req)
			require.Error(t, terr)
			var ue *url.Error
			require.ErrorAs(t, terr, &ue)
			quoted := false
			for _, s := range presignSecrets {
				quoted = quoted || strings.Contains(terr.Error(), url.QueryEscape(s))
			}
			require.True(t, quoted, "the transport error %q quotes no secret; the test means nothing", terr)

			for _, r := range []*http.Request{req, nil} {
				err := coserr.FromTransport(r, terr)
				var ce *coserr.ClientError
				require.ErrorAs(t, err, &ce)
				assert.Equal(t, "GET", strings.ToUpper(ce.Op))
				assert.Contains(t, ce.URL, "REDACTED")
				assert.True(t, strings.HasPrefix(ce.Error(), "cos: "+ce.Op+" http://"+addr+"/photo.jpg?"), "Error() = %q", ce.Error())
				require.ErrorIs(t, err, syscall.ECONNREFUSED)
				require.ErrorAs(t, err, &ue)
				assert.True(t, coserr.IsRetryable(err))
				assert.False(t, ce.Timeout())
				assertNoSecrets(t, renderAll(t, err))
			}
		})
	}
}

// TestServiceErrorURLRedacted: a real 403 for a presigned request keeps
// its URL with every secret redacted.
func TestServiceErrorURLRedacted(t *testing.T) {
	body := loadSampleBody(t, "signaturedoesnotmatch.xml")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write(body)
	}))
	defer srv.Close()
	for name, q := range presignedQueries {
		t.Run(name, func(t *testing.T) {
			resp, err := srv.Client().Get(srv.URL + "/photo.jpg?" + q)
			require.NoError(t, err)
			defer resp.Body.Close()
			err = coserr.FromResponse(resp)
			require.ErrorIs(t, err, coserr.SignatureDoesNotMatch)
			var se *coserr.ServiceError
			require.ErrorAs(t, err, &se)
			assert.True(t, strings.HasPrefix(se.URL, srv.URL+"/photo.jpg?"), "URL = %q", se.URL)
			assert.Contains(t, se.URL, "REDACTED")
			assertNoSecrets(t, renderAll(t, err))
		})
	}
	t.Run("built by hand", func(t *testing.T) {
		se := &coserr.ServiceError{StatusCode: 403, Code: "AccessDenied", URL: "https://b.cos.ap-beijing.myqcloud.com/k?" + presignedQueries["cos"]}
		assertNoSecrets(t, append(renderAll(t, se)[:6], se.LogValue().String()))
	})
}
