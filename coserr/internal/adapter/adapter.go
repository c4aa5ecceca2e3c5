// Package adapter holds what the adapters of coserr (cosv5, miniov7,
// awsv2) share: the test for an error that needs no mapping, and the
// RoundTripper that reads each error response as coserr does before the
// SDK sees it.
package adapter

import (
	"errors"
	"net/http"
	"strconv"

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
// COS error (coserr.FromResponse: a status of 300 or more, or an <Error>
// inside the 200 of a copy, Upload Part - Copy or Complete Multipart
// Upload), hands the response and its error to keep. The response's body
// then reads from its first byte, as it came. An <Error> inside a 200
// is shown to the SDK with the error status shown(se) gives, so that
// every call of the SDK reports it as an error, never as a result.
func Transport(base http.RoundTripper, keep func(*http.Response, *coserr.ServiceError), shown func(*coserr.ServiceError) int) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return &transport{base: base, keep: keep, shown: shown}
}

type transport struct {
	base  http.RoundTripper
	keep  func(*http.Response, *coserr.ServiceError)
	shown func(*coserr.ServiceError) int
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
		if resp.StatusCode < 300 {
			resp.StatusCode = t.shown(err)
			resp.Status = strconv.Itoa(resp.StatusCode) + " " + http.StatusText(resp.StatusCode)
		}
	case *coserr.ClientError:
		_ = resp.Body.Close()
		return nil, err
	}
	return resp, nil
}

// ErrorStatus is a status to show an SDK for se, an <Error> inside a
// 200: 500 when coserr.IsRetryable(se), so that an SDK that retries by
// status retries it, else 400, which no SDK retries. An SDK that also
// retries by code (minio-go) goes on doing so; se keeps the status COS
// sent.
func ErrorStatus(se *coserr.ServiceError) int {
	if coserr.IsRetryable(se) {
		return http.StatusInternalServerError
	}
	return http.StatusBadRequest
}
