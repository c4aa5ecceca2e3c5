package cosv5_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/cosv5"
	"github.com/cosgo/errcatalog/coserr/internal/testkit"
)

// newTransportClient is newClient with cosv5.Transport around the signing
// RoundTripper.
func newTransportClient(t *testing.T, rawURL string, retries int) *cos.Client {
	t.Helper()
	u, err := url.Parse(rawURL)
	require.NoError(t, err)
	tr := cosv5.Transport(&presign{next: &cos.AuthorizationTransport{SecretID: secretID, SecretKey: secretKey, SessionToken: token}})
	c := cos.NewClient(&cos.BaseURL{BucketURL: u, ServiceURL: u}, &http.Client{Transport: tr})
	c.Conf.RetryOpt.Count = retries
	return c
}

const proxyPage = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"

// TestTransport: with Transport, Wrap gives the error FromResponse makes
// of the same response, the body kept, and the SDK's error still reads
// the body.
func TestTransport(t *testing.T) {
	sig, err := os.ReadFile("../testdata/signaturedoesnotmatch.xml")
	require.NoError(t, err)
	get := func(ctx context.Context, c *cos.Client) error {
		_, err := c.Object.Get(ctx, "report.csv", nil)
		return err
	}
	tests := []struct {
		name    string
		route   coserrtest.Route
		call    func(context.Context, *cos.Client) error
		status  int
		code    string
		sdkCode string // what the SDK read from the body
		check   func(*testing.T, *coserr.ServiceError)
	}{
		{
			name: "GET 404 NoSuchKey", route: coserrtest.Route{Code: coserr.NoSuchKey}, call: get,
			status: 404, code: "NoSuchKey", sdkCode: "NoSuchKey",
			check: func(t *testing.T, se *coserr.ServiceError) {
				assert.Contains(t, se.Origin(), "<Code>NoSuchKey</Code>")
				d := se.Digest()
				assert.Equal(t, se.Resource, d["Resource"])
				assert.Equal(t, se.Header.Get("X-Cos-Trace-Id"), d["TraceId"])
			},
		},
		{
			name: "403 SignatureDoesNotMatch with its StringToSign", call: get,
			route:  coserrtest.Route{Options: []coserrtest.Option{coserrtest.WithStatus(403), coserrtest.WithBody("application/xml", string(sig))}},
			status: 403, code: "SignatureDoesNotMatch", sdkCode: "SignatureDoesNotMatch",
			check: func(t *testing.T, se *coserr.ServiceError) {
				assert.Contains(t, se.Digest()["StringToSign"], "c7503b92a8581b3f3f68c8f7f64a8917b03a1a95")
				assert.Contains(t, se.Digest()["FormatString"], "host=o2-1258123310")
				assert.Equal(t, "NjA0NGFjMmFfZTViOTJhMDlfMjA0NDlfNzU0MzM4NQ==", se.RequestID)
			},
		},
		{
			name: "a proxy's HTML 502", call: get,
			route: coserrtest.Route{Options: []coserrtest.Option{coserrtest.WithStatus(502), coserrtest.WithBody("text/html", proxyPage),
				coserrtest.WithRequestID(""), coserrtest.WithTraceID("")}},
			status: 502, code: "",
			check: func(t *testing.T, se *coserr.ServiceError) {
				assert.Equal(t, proxyPage, se.Origin())
				assert.Empty(t, se.Message)
				assert.Empty(t, se.RequestID)
			},
		},
		{
			name: "HEAD 404 without a body", route: coserrtest.Route{Code: coserr.NoSuchKey},
			call: func(ctx context.Context, c *cos.Client) error {
				_, err := c.Object.Head(ctx, "report.csv", nil)
				return err
			},
			status: 404, code: "",
			check: func(t *testing.T, se *coserr.ServiceError) {
				assert.Nil(t, se.Body)
				assert.Equal(t, se.Header.Get("X-Cos-Request-Id"), se.RequestID)
				assert.NotEmpty(t, se.RequestID)
				assert.Equal(t, http.MethodHead, se.Method)
			},
		},
		{
			name:  "PUT Object - Copy with an error inside a 200",
			route: coserrtest.Route{Method: http.MethodPut, Code: coserr.InternalError, Options: []coserrtest.Option{coserrtest.WithStatus(200)}},
			call: func(ctx context.Context, c *cos.Client) error {
				_, _, err := c.Object.Copy(ctx, "copy.csv", "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/report.csv", nil)
				return err
			},
			status: 200, code: "InternalError", sdkCode: "InternalError",
			check: func(t *testing.T, se *coserr.ServiceError) {
				assert.Contains(t, se.Origin(), "<Code>InternalError</Code>")
				assert.Equal(t, http.MethodPut, se.Method)
				assert.True(t, se.Retryable())
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := coserrtest.Server(t, tt.route)
			sdkErr := tt.call(context.Background(), newTransportClient(t, srv.URL, 1))
			require.Error(t, sdkErr)
			var er *cos.ErrorResponse
			require.ErrorAs(t, sdkErr, &er)
			assert.Equal(t, tt.sdkCode, er.Code, "the SDK still reads the whole body")

			err := cosv5.Wrap(sdkErr)
			var se *coserr.ServiceError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.status, se.StatusCode)
			assert.Equal(t, tt.code, se.Code)
			assert.ErrorIs(t, se.Err, sdkErr) // the SDK's error, or its copy with the URL redacted
			assert.True(t, strings.HasPrefix(se.URL, srv.URL+"/"), "URL = %q", se.URL)
			tt.check(t, se)
			assertNoSecrets(t, err)

			again := cosv5.Wrap(sdkErr) // a second Wrap gives an equal, separate error
			assert.Equal(t, err, again)
			assert.NotSame(t, err, again)
		})
	}
}

// TestTransportConcurrent: concurrent requests through one client each
// get their own response's body and ids.
func TestTransportConcurrent(t *testing.T) {
	srv := coserrtest.Server(t, coserrtest.Route{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := strings.TrimPrefix(r.URL.Path, "/")
		resp := coserrtest.Response(coserr.NoSuchKey, coserrtest.WithMessage("no "+key), coserrtest.WithRequestID("rid-"+key))
		for k, v := range resp.Header {
			w.Header()[k] = v
		}
		w.WriteHeader(resp.StatusCode)
		_, _ = io.Copy(w, resp.Body)
	})})
	c := newTransportClient(t, srv.URL, 1)
	const n = 32
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			_, err := c.Object.Get(context.Background(), fmt.Sprintf("key-%d", i), nil)
			errs[i] = cosv5.Wrap(err)
		})
	}
	wg.Wait()
	for i, err := range errs {
		var se *coserr.ServiceError
		require.ErrorAs(t, err, &se)
		key := fmt.Sprintf("key-%d", i)
		assert.Equal(t, "no "+key, se.Message)
		assert.Equal(t, "rid-"+key, se.RequestID)
		assert.Contains(t, se.Origin(), "<Message>no "+key+"</Message>")
	}
}

// TestTransportSuccess: a success's body reaches the SDK untouched, and a
// failure below HTTP passes through.
func TestTransportSuccess(t *testing.T) {
	srv := coserrtest.Server(t, coserrtest.Route{Method: http.MethodGet, Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "a,b,c\n")
	})})
	resp, err := newTransportClient(t, srv.URL, 1).Object.Get(context.Background(), "report.csv", nil)
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, "a,b,c\n", string(body))

	_, err = newTransportClient(t, testkit.RefusedURL(t), 1).Object.Get(context.Background(), "report.csv", nil)
	var ce *coserr.ClientError
	assert.True(t, errors.As(cosv5.Wrap(err), &ce))
}
