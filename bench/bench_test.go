package bench

import (
	"io"
	"net/http"
	"testing"

	"github.com/cosgo/errcatalog/coserr"
)

// peer is one way to turn a response into an error.
type peer struct {
	name string
	fn   func(*http.Response) error
}

// peers, the SDK first: benchstat -col /impl compares against the first.
var peers = []peer{
	{"cos-go-sdk-v5", COSv5CheckResponse},
	{"aws-sdk-go-v2", func(r *http.Response) error { _, err := AWSRestXMLError(r); return err }},
	{"coserr", coserr.FromResponse},
}

var sink error

// BenchmarkErrorPath runs every peer on every case, in one run, so the
// numbers compare directly: go test -bench ErrorPath, then benchstat
// -col /impl.
func BenchmarkErrorPath(b *testing.B) {
	cases := Cases()
	for i := range cases {
		c := &cases[i]
		b.Run("body="+c.Name, func(b *testing.B) {
			for _, p := range peers {
				b.Run("impl="+p.name, func(b *testing.B) {
					r := NewReplayer(c)
					b.ReportAllocs()
					b.SetBytes(int64(len(c.Body)))
					for b.Loop() {
						sink = p.fn(r.Next())
					}
					if sink == nil {
						b.Fatalf("%s on %s gave no error", p.name, c.Name)
					}
				})
			}
		})
	}
}

// BenchmarkSuccess is the cost of asking each peer about a 200: what every
// successful call pays.
func BenchmarkSuccess(b *testing.B) {
	c := &Case{Name: "OK200", Status: 200, Header: http.Header{"Content-Length": {"2"}}, Body: []byte("ok"), Method: "GET", URL: "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a"}
	for _, p := range peers {
		b.Run("impl="+p.name, func(b *testing.B) {
			r := NewReplayer(c)
			b.ReportAllocs()
			for b.Loop() {
				sink = p.fn(r.Next())
			}
			if sink != nil {
				b.Fatalf("%s on a 200 gave %v", p.name, sink)
			}
		})
	}
	_ = io.EOF
}
