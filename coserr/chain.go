package coserr

import "github.com/cosgo/errcatalog/coserr/internal/redact"

// redactChain returns err such that no error reachable from it through
// Unwrap shows a secret (see redact.Chain): every *url.Error's URL
// redacted, every other error whose text shows a secret standing in
// redacted, errors that show none kept as they are for errors.Is and
// errors.As.
func redactChain(err error) error { return redact.Chain(err) }

// errorText is err.Error(), or false when that panics (see
// redact.ErrorText).
func errorText(err error) (msg string, ok bool) { return redact.ErrorText(err) }
