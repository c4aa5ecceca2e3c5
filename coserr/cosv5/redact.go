package cosv5

import (
	"net/url"

	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr/internal/redact"
)

// cause is orig as a ServiceError's Err keeps it: with no error in its
// chain that shows a secret. The SDK's *cos.ErrorResponse prints its
// request's URL whole, a signature or token in the query included, so it
// stands in as a copy whose request has the URL redacted (the caller's
// error, response and request stay as they are): errors.As finds that
// copy, and errors.Is with the SDK's error still holds; any other error that shows a secret stands
// in redacted, as in the errors coserr makes.
func cause(orig error) error {
	return redact.ChainWith(orig, func(err error) error {
		er, ok := err.(*cos.ErrorResponse)
		if !ok || er == nil || er.Response == nil || er.Response.Request == nil || er.Response.Request.URL == nil {
			return err
		}
		u, perr := url.Parse(redact.URL(er.Response.Request.URL))
		if perr != nil {
			return err
		}
		req := *er.Response.Request
		req.URL = u
		resp := *er.Response
		resp.Request = &req
		c := *er
		c.Response = &resp
		return &redactedResponse{copy: &c, orig: er}
	})
}

// A redactedResponse stands in for the SDK's *cos.ErrorResponse: its text
// and what it unwraps to are the copy with the URL redacted; errors.Is
// with the SDK's own error still holds.
type redactedResponse struct {
	copy *cos.ErrorResponse
	orig *cos.ErrorResponse
}

func (r *redactedResponse) Error() string { return r.copy.Error() }

func (r *redactedResponse) Unwrap() error { return r.copy }

func (r *redactedResponse) Is(target error) bool {
	t, ok := target.(*cos.ErrorResponse)
	return ok && t == r.orig
}
