// Package capture reads the COS error a response carries, for the
// adapters of coserr (awsv2, cosv5, miniov7), which see each response
// before their SDK reads it.
package capture

import (
	"bytes"
	"io"
	"net/http"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/internal/redact"
)

// ErrorIn200 reports whether COS may answer req with an <Error> document
// inside a 200: PUT Object - Copy and Upload Part - Copy (a PUT with an
// x-cos-copy-source or x-amz-copy-source header) and Complete Multipart
// Upload (a POST with uploadId in the query).
func ErrorIn200(req *http.Request) bool {
	if req == nil {
		return false
	}
	switch req.Method {
	case http.MethodPut:
		return req.Header.Get("X-Cos-Copy-Source") != "" || req.Header.Get("X-Amz-Copy-Source") != ""
	case http.MethodPost:
		if req.URL == nil {
			return false
		}
		_, ok := req.URL.Query()["uploadId"]
		return ok
	}
	return false
}

// Response returns the error resp stands for, or nil: coserr.FromResponse
// for a status of 300 or more; for a 2xx answer to a request for which
// ErrorIn200 is true, the <Error> document coserr.Parse finds in its body,
// with the request's method and redacted URL. Either way at most
// coserr.MaxBodyBytes of the body are read, and resp.Body is left
// readable from its first byte, the whole original stream. Other 2xx
// bodies are not read.
func Response(resp *http.Response) *coserr.ServiceError {
	if resp == nil {
		return nil
	}
	if resp.StatusCode >= 300 {
		se, _ := coserr.FromResponse(resp).(*coserr.ServiceError)
		return se
	}
	if !ErrorIn200(resp.Request) {
		return nil
	}
	body, readErr := peek(resp)
	se, ok := coserr.Parse(resp.StatusCode, resp.Header, body).(*coserr.ServiceError)
	if !ok {
		return nil
	}
	se.Err = readErr
	if req := resp.Request; req != nil {
		se.Method = req.Method
		se.URL = redact.URL(req.URL)
	}
	return se
}

// peek reads up to coserr.MaxBodyBytes of resp.Body and puts back a body
// that gives those bytes, then the rest of the original stream (or the
// error that stopped the read), and closes the original.
func peek(resp *http.Response) ([]byte, error) {
	if resp.Body == nil || resp.Body == http.NoBody {
		return nil, nil
	}
	head, err := io.ReadAll(io.LimitReader(resp.Body, coserr.MaxBodyBytes))
	rest := io.Reader(resp.Body)
	if err != nil {
		rest = errReader{err}
	}
	resp.Body = &replay{Reader: io.MultiReader(bytes.NewReader(head), rest), closer: resp.Body}
	return head, err
}

// replay is a body whose start was read: it reads on from Reader and
// closes the original body.
type replay struct {
	io.Reader
	closer io.Closer
}

// Close closes the original body.
func (r *replay) Close() error { return r.closer.Close() }

// errReader fails every read with err.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }
