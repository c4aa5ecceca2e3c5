package crossclient_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"testing"

	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// answerRaw is a route that answers status with the run's ids, the
// headers given and body as bytes, gzip-compressed when encoding names
// gzip first.
func answerRaw(status int, header http.Header, body func(run int) []byte) func(int) []coserrtest.Route {
	return func(run int) []coserrtest.Route {
		rid, tid := idsOf(run)
		return []coserrtest.Route{{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			h := w.Header()
			h.Set("Server", "tencent-cos")
			h.Set("X-Cos-Request-Id", rid)
			h.Set("X-Cos-Trace-Id", tid)
			for k, v := range header {
				h[k] = v
			}
			b := body(run)
			if enc := header.Get("Content-Encoding"); len(enc) >= 4 && enc[:4] == "gzip" {
				var z bytes.Buffer
				zw := gzip.NewWriter(&z)
				_, _ = zw.Write(b)
				_ = zw.Close()
				b = z.Bytes()
			}
			h.Set("Content-Length", fmt.Sprint(len(b)))
			w.WriteHeader(status)
			_, _ = w.Write(b)
		})}}
	}
}

// TestEdgesSecondRoundEveryClient: the answers a second round of probes
// found coserr reading wrong, each through every client.
func TestEdgesSecondRoundEveryClient(t *testing.T) {
	get := http.MethodGet
	xmlHeader := http.Header{"Content-Type": {"application/xml"}}
	notFound := func(msg string) answer {
		return answer{Kind: "ServiceError", StatusCode: 404, Code: "NoSuchKey", Message: msg, RequestID: "RID", TraceID: "TID",
			Method: get, Class: "NotFound", Is: []string{"NoSuchKey", "ErrNotFound", "fs.ErrNotExist"}, Body: true, FromCOS: true}
	}
	withMessage := func(msg string) func(run int) []byte {
		return func(run int) []byte { return []byte(errorXML(run, "NoSuchKey", msg)) }
	}
	tests := []crossCase{
		{
			name:     "404 whose message holds another charset's bytes",
			routes:   answerRaw(404, xmlHeader, withMessage("\xd5\xd2\xb2\xbb\xb5\xbd")),
			op:       getObject,
			want:     notFound("\ufffd\u04b2\ufffd\ufffd\ufffd"), // each byte of no UTF-8 sequence one U+FFFD
			attempts: map[string]int32{"": 1},
		},
		{
			name:     "404 whose message holds a bare &",
			routes:   answerRaw(404, xmlHeader, withMessage("a & b")),
			op:       getObject,
			want:     notFound("a & b"),
			attempts: map[string]int32{"": 1},
		},
		{
			name: "404 gzip-encoded, Content-Encoding: gzip, identity",
			routes: answerRaw(404, http.Header{"Content-Type": {"application/xml"}, "Content-Encoding": {"gzip, identity"}},
				withMessage("gone")),
			op:       getObject,
			want:     notFound("gone"),
			attempts: map[string]int32{"": 1},
		},
		{
			name:     "404 whose message echoes a signed URL",
			routes:   answerRaw(404, xmlHeader, withMessage("no key at https://"+bucket+"/k?q-signature=abc&amp;x-cos-security-token="+plantedToken)),
			op:       getObject,
			want:     notFound("no key at https://" + bucket + "/k?q-signature=abc&x-cos-security-token=" + plantedToken),
			attempts: map[string]int32{"": 1},
		},
	}
	runCases(t, tests)
}
