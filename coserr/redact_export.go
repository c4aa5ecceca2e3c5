package coserr

import "net/url"

// RedactURL formats u as ServiceError.URL and ClientError.URL keep it:
// the values of signature, credential and token query parameters
// (q-signature, q-ak, q-sign-time, x-cos-security-token, X-Amz-Signature,
// ...) and any password replaced by REDACTED, and the fragment dropped.
// It is "" for a nil URL. Adapters that build a ServiceError by hand, such
// as package cosv5, use it for the URL field.
func RedactURL(u *url.URL) string {
	return redactURL(u)
}
