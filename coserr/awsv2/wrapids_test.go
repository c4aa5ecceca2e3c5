package awsv2_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/awsv2"
)

// TestWrapRequestIDOrder: Wrap takes the request id where
// coserr.FromResponse takes it: the body's RequestId (which the SDK reads
// as its request id) before the x-cos-request-id header, then the
// headers in coserr's order. So a response whose body and header ids
// differ gives one answer with and without WithErrors. (With an
// x-amz-request-id header, which COS does not send, the SDK keeps that
// header's id in place of the body's, as Wrap's doc says.)
func TestWrapRequestIDOrder(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		header map[string]string
		want   string
	}{
		{"the body's id first", "<RequestId>body-rid</RequestId>",
			map[string]string{"X-Cos-Request-Id": "cos-rid"}, "body-rid"},
		{"x-cos-request-id before x-amz-request-id", "",
			map[string]string{"X-Cos-Request-Id": "cos-rid", "X-Amz-Request-Id": "amz-rid"}, "cos-rid"},
		{"x-amz-request-id alone", "", map[string]string{"X-Amz-Request-Id": "amz-rid"}, "amz-rid"},
		{"x-ci-request-id before x-amz-request-id", "",
			map[string]string{"X-Ci-Request-Id": "ci-rid", "X-Amz-Request-Id": "amz-rid"}, "ci-rid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/xml")
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(http.StatusNotFound)
				_, _ = io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n<Error><Code>NoSuchKey</Code><Message>gone</Message>"+tt.body+"</Error>")
			}))
			t.Cleanup(srv.Close)
			var ids []string
			for _, plain := range []bool{false, true} {
				c, _ := newClient(t, srv.URL, plain)
				err := getObject(context.Background(), c)
				if plain {
					err = awsv2.Wrap(err)
				}
				var se *coserr.ServiceError
				require.True(t, errors.As(err, &se), "%v", err)
				ids = append(ids, se.RequestID)
			}
			assert.Equal(t, []string{tt.want, tt.want}, ids, "WithErrors, then Wrap")
		})
	}
}
