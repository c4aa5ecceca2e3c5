package cosv5

import (
	"net/http"
	"runtime"
	"sync"
	"weak"

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
// For each response of 300 or more, and each 200 to PUT Object - Copy or
// Complete Multipart Upload, Transport reads at most coserr.MaxBodyBytes
// of the body and puts back a body that reads from its first byte, so
// the SDK reads what it always did. What was read is kept with the
// *http.Response, which the SDK keeps in its *cos.ErrorResponse: Wrap
// finds it through that pointer, so concurrent requests never see each
// other's bodies, and it is dropped when the garbage collector drops the
// response. Other 2xx bodies are not read.
//
// A nil base means http.DefaultTransport.
func Transport(base http.RoundTripper) http.RoundTripper {
	return adapter.Transport(base, keep)
}

// kept maps each live response that carried an error to that error. A
// weak key does not keep the response alive; a cleanup deletes the entry
// once the response is collected.
var kept = struct {
	mu sync.Mutex
	m  map[weak.Pointer[http.Response]]*coserr.ServiceError
}{m: map[weak.Pointer[http.Response]]*coserr.ServiceError{}}

// keep records se as the error resp carries, until resp is collected.
// se must not refer to resp.
func keep(resp *http.Response, se *coserr.ServiceError) {
	key := weak.Make(resp)
	kept.mu.Lock()
	kept.m[key] = se
	kept.mu.Unlock()
	runtime.AddCleanup(resp, forget, key)
}

// forget drops the entry of a collected response.
func forget(key weak.Pointer[http.Response]) {
	kept.mu.Lock()
	delete(kept.m, key)
	kept.mu.Unlock()
}

// lookup returns a copy of the error Transport kept for resp, or nil.
func lookup(resp *http.Response) *coserr.ServiceError {
	if resp == nil {
		return nil
	}
	kept.mu.Lock()
	se := kept.m[weak.Make(resp)]
	kept.mu.Unlock()
	if se == nil {
		return nil
	}
	c := *se
	return &c
}
