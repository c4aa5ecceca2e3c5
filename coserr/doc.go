// Package coserr gives Go programs precise, typed errors for Tencent Cloud
// COS (Cloud Object Storage).
//
// Every COS error code is a sentinel of this package, generated from
// catalog.yaml (see docs/codes.md), and every code belongs to one of nine
// classes:
//
//	resp, err := http.DefaultClient.Do(req)
//	if err != nil {
//		return coserr.FromTransport(req, err) // *ClientError
//	}
//	defer resp.Body.Close()
//	if err := coserr.FromResponse(resp); err != nil { // *ServiceError
//		switch {
//		case errors.Is(err, coserr.NoSuchKey): // one code
//		case errors.Is(err, coserr.ErrNotFound): // a class; also a bare HEAD 404
//		case coserr.IsRetryable(err): // catalog, status and transport rules
//		}
//		var se *coserr.ServiceError
//		if errors.As(err, &se) {
//			log.Println(se.RequestID, se.TraceID)
//		}
//	}
//
// FromResponse reads XML (COS's <Error> document), JSON (with the code as
// a string or a number, or only in the x-cos-error-code header, as the
// vector-bucket APIs send it), empty bodies (HEAD) and anything else, such
// as an HTML page from a proxy; the status is always kept. It reads at
// most MaxBodyBytes and leaves resp.Body readable from its first byte.
// Request URLs are kept only with their signatures and tokens redacted, and
// no error string or log value carries a secret.
//
// Match errors with errors.Is and errors.As, never with their text: the
// text of an error is for people and may change.
package coserr
