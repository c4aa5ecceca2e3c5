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
// most MaxBodyBytes and leaves resp.Body readable from its first byte. It
// also reads the 200 that a copy or Complete Multipart Upload can fail
// inside, past the white space COS pads it with, and a gzip or deflate
// body, decoded within bounds; a 200 whose verdict it cannot read is an
// error, never a success. FromStreamError turns an error inside SELECT
// Object Content's event stream into a ServiceError.
//
// Where COS sends the real cause as the message of another code
// (AccessDenied with the message "SignatureDoesNotMatch"), errors.Is
// matches both codes, and the class and retry rule are the cause's; the
// catalog says which messages do. A response without a COS request id did
// not come from COS (ServiceError.FromCOS); BackupEndpoint gives the
// backup domain the official SDKs then switch to, and ClockSkew the
// offset to correct the clock by after RequestTimeTooSkewed or an expired
// signature.
//
// With go-retryablehttp, CheckRetry and ErrorHandler retry exactly what
// IsRetryable says and give the last COS error when the client gives up;
// RedactLogger keeps its log lines free of signatures.
// An append cut off after it was sent is never retried: it may have been
// applied. Packages coserr/cosv5, coserr/awsv2 and coserr/miniov7 give
// the same errors for cos-go-sdk-v5, aws-sdk-go-v2 and minio-go, and
// coserr/coserrtest makes COS's errors for tests.
//
// Diagnose does offline what COS's console diagnosis tool does with a
// request id: from the catalog, the response and the request as sent, it
// gives the code, its hints and what this failure shows (the field a
// signature differs in, a clock off or a signature expired, a bucket host
// without its -APPID), as a report a person reads (Diagnosis.String).
//
// Request URLs are kept only with their signatures and tokens redacted,
// their paths untouched, and no error string, log value, Origin or error
// reachable through Unwrap carries a secret.
//
// A code is known only as the catalog spells it (case and all, trimmed of
// space) or as one of its aliases; a known code decides the class and the
// retry whatever the status, and an empty or unknown code falls back on
// its status, with no class outside 300..599 (see ServiceError.Class).
//
// Match errors with errors.Is and errors.As, never with their text: the
// text of an error is for people and may change.
package coserr
