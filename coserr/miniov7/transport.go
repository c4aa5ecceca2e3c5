package miniov7

import (
	"encoding/hex"
	"math/rand/v2"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"unsafe"

	"github.com/minio/minio-go/v7"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/internal/adapter"
)

// Transport wraps the RoundTripper of a minio client (minio.Options.
// Transport; nil means http.DefaultTransport) so that Wrap can give every
// field of an error response, as coserr.FromResponse does.
//
// For each response of 300 or more, and each 200 to a copy, Upload Part -
// Copy or Complete Multipart Upload, Transport reads at most coserr.MaxBodyBytes of the
// body and puts back a body that reads from its first byte, so minio reads
// what it always did (but for the padding below); other 2xx bodies are
// not read.
//
// COS sends white space before the result of Complete Multipart Upload
// for as long as the merge runs, and minio reads at most 1 MiB of that
// 200 before it takes a body with no XML in it for a failure. So minio
// gets the body of an answer to Complete Multipart Upload or a copy
// without the white space before its root element (and between the XML
// declaration and the root), unless the body is compressed: a merge that
// succeeded is then a success however long COS padded.
//
// minio looks for an <Error> inside a 200 in Client.CopyObject, Complete
// Multipart Upload and RemoveObjects only: Core.CopyObject,
// Core.CopyObjectPart and ComposeObject would decode it as a result, a
// failed copy reported as done with an empty ETag. So Transport shows
// minio such a response with status 500 when coserr.IsRetryable says the
// error is retryable, else 400: every call then reports it as an error,
// and minio retries it as it retries any error of that code and status.
// Wrap's error keeps the status COS sent, 200.
//
// minio keeps no link from its error to the response, only strings it
// read from it, so Transport marks the response minio sees with a token
// of its own, unique and unguessable: it ends the Server header (which
// minio keeps for an XML <Error>) and the x-amz-id-2 header (which minio
// reads for any other body) with " coserr-" and 32 hex digits. minio's
// ErrorResponse then carries the token in Server or HostID, and Wrap
// finds the response's error by it: never by a request id, which two
// responses can share. The error's Header keeps the headers as received.
// So that a bodiless answer has an id minio reads, Transport also copies
// COS's x-cos-request-id (else x-ci-request-id) into the x-amz-request-id
// header minio sees when the response has none.
//
// A body minio cannot read to its end (a connection cut mid-body, a
// canceled context) fails with an error that carries the response's
// error, which Wrap returns with what was read.
//
// The one package-level state is the index from each live token to its
// error, which Wrap needs since minio's error holds only strings: an
// entry lives exactly as long as the token's memory, that is as long as
// the response or minio's error that holds it, and goes with them. Each
// entry holds at most coserr.MaxBodyBytes of body.
func Transport(base http.RoundTripper) http.RoundTripper {
	return unpadTransport{adapter.Transport(base, keep, adapter.ErrorStatus)}
}

// tokenPrefix starts the token Transport adds to the headers minio reads.
const tokenPrefix = " coserr-"

// tokenLen is the length of a token: tokenPrefix and 32 hex digits.
const tokenLen = len(tokenPrefix) + 32

// tokens maps each live token (without its leading space) to the error
// of the response it marks.
var tokens = struct {
	mu sync.Mutex
	m  map[string]*coserr.ServiceError
}{m: map[string]*coserr.ServiceError{}}

// keep marks resp with a new token for se, and ties se to resp's body.
func keep(resp *http.Response, se *coserr.ServiceError) {
	h := resp.Header.Clone() // se.Header keeps the headers as received
	if h == nil {
		h = http.Header{}
	}
	if h.Get("X-Amz-Request-Id") == "" {
		id := h.Get("X-Cos-Request-Id")
		if id == "" {
			id = h.Get("X-Ci-Request-Id")
		}
		if id != "" {
			h.Set("X-Amz-Request-Id", id)
		}
	}
	var nonce [16]byte
	for i := 0; i < len(nonce); i += 8 {
		v := rand.Uint64()
		for j := range 8 {
			nonce[i+j] = byte(v >> (8 * j))
		}
	}
	token := tokenPrefix + hex.EncodeToString(nonce[:])
	server, id2 := h.Get("Server")+token, h.Get("X-Amz-Id-2")+token
	// Both header values share one allocation, whose collection ends the entry.
	both := server + id2
	h.Set("Server", both[:len(server)])
	h.Set("X-Amz-Id-2", both[len(server):])
	resp.Header = h

	key := token[1:]
	tokens.mu.Lock()
	tokens.m[key] = se
	tokens.mu.Unlock()
	runtime.AddCleanup(unsafe.StringData(both), forget, key)
	adapter.Link(resp, se)
}

// forget drops the entry of a token whose memory was collected.
func forget(key string) {
	tokens.mu.Lock()
	delete(tokens.m, key)
	tokens.mu.Unlock()
}

// tokenOf splits the token Transport added off the end of v.
func tokenOf(v string) (rest, token string) {
	if len(v) < tokenLen {
		return v, ""
	}
	rest, t := v[:len(v)-tokenLen], v[len(v)-tokenLen:]
	if !strings.HasPrefix(t, tokenPrefix) {
		return v, ""
	}
	if _, err := hex.DecodeString(t[len(tokenPrefix):]); err != nil {
		return v, ""
	}
	return rest, t[1:]
}

// lookup returns a copy of the error of the response minio made er of,
// found by the token in its Server or HostID, or nil; er comes back
// without the tokens.
func lookup(er *minio.ErrorResponse) *coserr.ServiceError {
	var server, host string
	er.Server, server = tokenOf(er.Server)
	er.HostID, host = tokenOf(er.HostID)
	for _, t := range []string{server, host} {
		if t == "" {
			continue
		}
		tokens.mu.Lock()
		se := tokens.m[t]
		tokens.mu.Unlock()
		if se != nil {
			c := *se
			return &c
		}
	}
	return nil
}

// liveTokens is how many tokens the index holds, for the tests.
func liveTokens() int {
	tokens.mu.Lock()
	defer tokens.mu.Unlock()
	return len(tokens.m)
}
