// Package adapter holds what the adapters of coserr (cosv5, miniov7,
// awsv2) share: the test for an error that needs no mapping, and the
// RoundTripper that reads each error response as coserr does before the
// SDK sees it.
package adapter

import (
	"errors"
	"net/http"

	"github.com/cosgo/errcatalog/coserr"
)

// Done reports whether Wrap has nothing to do with err: it is nil, or
// already is or wraps a *coserr.ServiceError or *coserr.ClientError.
func Done(err error) bool {
	var se *coserr.ServiceError
	var ce *coserr.ClientError
	return err == nil || errors.As(err, &se) || errors.As(err, &ce)
}

// Transport returns a RoundTripper that sends each request through base
// (http.DefaultTransport when nil) and, for a response that carries a
// COS error (coserr.CheckResponse: a status of 300 or more, or an
// <Error> inside the 200 of a copy or Complete Multipart Upload), hands
// the response and its error to keep. The response's body then reads
// from its first byte, as it came.
func Transport(base http.RoundTripper, keep func(*http.Response, *coserr.ServiceError)) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return &transport{base: base, keep: keep}
}

type transport struct {
	base http.RoundTripper
	keep func(*http.Response, *coserr.ServiceError)
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil || resp == nil {
		return resp, err
	}
	if resp.Request == nil {
		resp.Request = req
	}
	switch err := coserr.FromResponse(resp).(type) {
	case *coserr.ServiceError:
		t.keep(resp, err)
	case *coserr.ClientError:
		_ = resp.Body.Close()
		return nil, err
	}
	return resp, nil
}
