// Package testkit holds the helpers the tests of coserr's adapters share:
// a port nothing listens on, and a RoundTripper that counts requests.
package testkit

import (
	"net"
	"net/http"
	"sync/atomic"
	"testing"
)

// RefusedURL is the URL of a port on 127.0.0.1 that nothing listens on:
// a request to it fails with a refused connection.
func RefusedURL(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("testkit: %v", err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatalf("testkit: %v", err)
	}
	return "http://" + addr
}

// A Counter is a RoundTripper that counts the requests it sends through
// Next (http.DefaultTransport when nil), failed ones included.
type Counter struct {
	N    atomic.Int32
	Next http.RoundTripper
}

// RoundTrip counts req and sends it on.
func (c *Counter) RoundTrip(req *http.Request) (*http.Response, error) {
	c.N.Add(1)
	next := c.Next
	if next == nil {
		next = http.DefaultTransport
	}
	return next.RoundTrip(req)
}
