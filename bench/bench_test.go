package bench

import (
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
}

// BenchmarkSuccessSettled asks each peer about the same 200 again and
// again, without resetting it: nothing consumes a GET's 200, and a
// response from net/http was written long before anyone asks. It leaves
// out the stores BenchmarkSuccess makes with Next before each call, so it
// shows what deciding a 200 costs by itself.
func BenchmarkSuccessSettled(b *testing.B) {
	c := &Case{Name: "OK200", Status: 200, Header: http.Header{"Content-Length": {"2"}}, Body: []byte("ok"), Method: "GET", URL: "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a"}
	for _, p := range peers {
		b.Run("impl="+p.name, func(b *testing.B) {
			resp := NewReplayer(c).Next()
			b.ReportAllocs()
			for b.Loop() {
				sink = p.fn(resp)
			}
			if sink != nil {
				b.Fatalf("%s on a 200 gave %v", p.name, sink)
			}
		})
	}
}

// floorObject has the size of coserr's ServiceError with its replay
// reader (240 bytes) and holds pointers, as that does.
type floorObject [30]*byte

var (
	floorBytes  []byte
	floorString string
	floorObj    *floorObject
)

// BenchmarkAllocFloor allocates what FromResponse must keep for the
// NoSuchBucket404 case, and does nothing else: the body buffer (480 B), the
// error (240 B), the redacted URL (96 B) and the copied fields (96 B). It
// is the floor under BenchmarkErrorPath/body=NoSuchBucket404/impl=coserr on
// the machine at hand; README.md explains why it matters here.
func BenchmarkAllocFloor(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		floorBytes = make([]byte, 0, 480)
		floorObj = new(floorObject)
		floorString = string(make([]byte, 96))
		floorString = string(make([]byte, 96))
	}
}
