// Package noverdict holds the causes of the error for a 200 whose verdict
// (an <Error> document or a COS result) cannot be read, shared by
// coserr.FromResponse and the adapters, so that each says the same of the
// same response.
package noverdict

import "errors"

var (
	// ErrShort is the cause when the body ended before its verdict; the
	// error wraps io.ErrUnexpectedEOF with it, so it is retryable.
	ErrShort = errors.New("the 200 body ended before its verdict")
	// ErrForeign is the cause when the body holds neither an <Error> nor the
	// result document COS sends.
	ErrForeign = errors.New("the 200 body is neither an <Error> nor a COS result document")
)
