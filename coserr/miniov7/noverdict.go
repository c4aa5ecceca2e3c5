package miniov7

import (
	"fmt"
	"io"
	"strings"

	"github.com/minio/minio-go/v7"

	"github.com/cosgo/errcatalog/coserr"
)

// noVerdict is the error of er, a 2xx in which minio searched for an
// <Error> and found no XML, its status line standing in for the code;
// orig is what Wrap was given. minio's message is the body (trimmed, cut
// at 1 KiB), or the status line when the body held only white space.
func noVerdict(er minio.ErrorResponse, orig error) error {
	cause := fmt.Errorf("the %d body is neither an <Error> nor a COS result document", er.StatusCode)
	if msg := strings.TrimSpace(er.Message); msg == "" || msg == strings.TrimSpace(er.Code) {
		cause = fmt.Errorf("the %d body ended before its verdict: %w", er.StatusCode, io.ErrUnexpectedEOF)
	}
	return coserr.FromTransport(nil, &verdictError{cause: cause, sdk: orig})
}

// verdictError is the failure to read a 2xx's verdict, with minio's error
// for it.
type verdictError struct {
	cause error // what coserr.FromResponse would say
	sdk   error // minio's error
}

// Error gives the cause, then minio's text.
func (e *verdictError) Error() string {
	return e.cause.Error() + " (minio-go: " + e.sdk.Error() + ")"
}

// Unwrap gives errors.Is and errors.As the cause, then minio's error.
func (e *verdictError) Unwrap() []error { return []error{e.cause, e.sdk} }
