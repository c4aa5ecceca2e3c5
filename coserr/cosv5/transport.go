package cosv5

import (
	"net/http"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/internal/adapter"
)

// Transport wraps the RoundTripper of the SDK's http.Client (usually the
// *cos.AuthorizationTransport that signs its requests) so that Wrap can
// fill every field of an error response, the body included, as
// coserr.FromResponse does: Origin and Digest then work (StringToSign of
// a SignatureDoesNotMatch, an HTML page from a proxy), as the Python
// SDK's get_origin_msg and get_digest_msg do.
//
//	client := cos.NewClient(baseURL, &http.Client{
//		Transport: cosv5.Transport(&cos.AuthorizationTransport{SecretID: id, SecretKey: key}),
//	})
//
// For each response of 300 or more, and each 200 to PUT Object - Copy,
// Upload Part - Copy or Complete Multipart Upload, Transport reads at
// most coserr.MaxBodyBytes of the body and puts back a body that reads
// from its first byte, so the SDK reads what it always did. The error read is tied to that one
// response: the response's Request becomes a copy of the request whose
// context carries it, and the SDK keeps the response in its
// *cos.ErrorResponse, where Wrap finds it. Nothing is stored anywhere
// else: concurrent requests and clients never see each other's errors,
// two responses with the same request id keep their own, and the error
// goes with the response. A read of the body that fails keeps its cause:
// Wrap's error matches it with errors.Is (context.Canceled included),
// though the SDK drops it. Other 2xx bodies are not read.
//
// The SDK takes only an error status for an error: through Complete
// Multipart Upload it would keep nothing of an <Error> inside the 200 but
// the body, and it retries no 200. So Transport shows the SDK such a
// response with status 590 when coserr.IsRetryable says the error is
// retryable (the SDK retries from 500 up), else 490: statuses COS never
// sends, so that Wrap also knows them in the text Object.Upload and
// MultiCopy make of a part's error. Wrap's error keeps the status COS
// sent, 200; the *cos.Response the SDK returns with the error has the
// status shown.
//
// A nil base means http.DefaultTransport.
func Transport(base http.RoundTripper) http.RoundTripper {
	return adapter.Transport(base, adapter.Link, shownStatus)
}

// The statuses Transport shows the SDK for an <Error> inside a 200.
const (
	shownRetryable = 590 // the SDK retries it, as any status from 500 up
	shownFinal     = 490 // the SDK does not retry it
)

// shownStatus is the status Transport shows the SDK for se, an <Error>
// inside a 200.
func shownStatus(se *coserr.ServiceError) int {
	if coserr.IsRetryable(se) {
		return shownRetryable
	}
	return shownFinal
}
