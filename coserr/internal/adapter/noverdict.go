package adapter

import (
	"fmt"
	"io"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/internal/noverdict"
)

// NoVerdict is the error for a 200 whose verdict the SDK could not read,
// as coserr.FromResponse makes it for the same response: a
// *coserr.ClientError whose cause is noverdict.ErrShort with
// io.ErrUnexpectedEOF (retryable) when the body ended before its
// verdict, else noverdict.ErrForeign. sdk, the SDK's error, stays in the
// chain for errors.As; its Error shows the cause, then sdkText, what to
// show of the SDK's text.
func NoVerdict(ended bool, sdk error, sdkText string) error {
	cause := noverdict.ErrForeign
	if ended {
		cause = fmt.Errorf("%w: %w", noverdict.ErrShort, io.ErrUnexpectedEOF)
	}
	return coserr.FromTransport(nil, &verdictError{cause: cause, sdk: sdk, text: sdkText})
}

// verdictError is the failure to read a 200's verdict, with the SDK's
// error for it.
type verdictError struct {
	cause error  // what coserr.FromResponse says
	sdk   error  // the SDK's error
	text  string // what Error shows of the SDK's error
}

// Error gives the cause, then what the SDK said.
func (e *verdictError) Error() string { return e.cause.Error() + " (" + e.text + ")" }

// Unwrap gives errors.Is and errors.As the cause, then the SDK's error.
func (e *verdictError) Unwrap() []error { return []error{e.cause, e.sdk} }
