package adapter

import (
	"context"
	"errors"
	"io"
	"net/http"

	"github.com/cosgo/errcatalog/coserr"
)

// linkKey is the context key under which Link stores a response's error
// in the context of the response's Request.
type linkKey struct{}

// Link ties se to resp exactly, with no store: resp.Request becomes a
// shallow copy of the request whose context carries se, so an SDK that
// keeps the *http.Response in its error (cos-go-sdk-v5) leads Linked back
// to se; and resp.Body becomes a body whose read errors are a *ReadError
// that carries se, so an SDK that returns a failed read as it is
// (minio-go) leads ReadLinked back to se. Both go with the response.
func Link(resp *http.Response, se *coserr.ServiceError) {
	if req := resp.Request; req != nil {
		resp.Request = req.WithContext(context.WithValue(req.Context(), linkKey{}, se))
	}
	if resp.Body != nil && resp.Body != http.NoBody {
		resp.Body = &linkedBody{ReadCloser: resp.Body, se: se}
	}
}

// Linked returns a copy of the error Link tied to resp, or nil.
func Linked(resp *http.Response) *coserr.ServiceError {
	if resp == nil || resp.Request == nil {
		return nil
	}
	se, _ := resp.Request.Context().Value(linkKey{}).(*coserr.ServiceError)
	return clone(se)
}

// ReadLinked returns a copy of the error of the response whose body
// failed with the *ReadError in err's chain, or nil.
func ReadLinked(err error) *coserr.ServiceError {
	var re *ReadError
	if !errors.As(err, &re) || re == nil {
		return nil
	}
	return clone(re.se)
}

// clone copies se, nil for nil.
func clone(se *coserr.ServiceError) *coserr.ServiceError {
	if se == nil {
		return nil
	}
	c := *se
	return &c
}

// Cause is the Err of the error Wrap returns for a kept response: what
// Wrap was given (orig), joined after the failure that cut the kept
// body short, if any, so that errors.Is finds both.
func Cause(kept *coserr.ServiceError, orig error) error {
	if kept.Err == nil || errors.Is(orig, kept.Err) {
		return orig
	}
	return errors.Join(kept.Err, orig)
}

// linkedBody is a response body whose read errors carry se.
type linkedBody struct {
	io.ReadCloser
	se *coserr.ServiceError
}

// Read reads the body; an error other than io.EOF comes as a *ReadError.
func (b *linkedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		err = &ReadError{Err: err, se: b.se}
	}
	return n, err
}

// A ReadError is the failure to read the body of an error response
// Link kept: Err is what the body's Read returned.
type ReadError struct {
	Err error
	se  *coserr.ServiceError
}

// Error is Err's text.
func (e *ReadError) Error() string { return e.Err.Error() }

// Unwrap returns Err.
func (e *ReadError) Unwrap() error { return e.Err }
