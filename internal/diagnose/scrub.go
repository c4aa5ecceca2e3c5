package diagnose

import "regexp"

// Redacted replaces a secret in a report.
const Redacted = "REDACTED"

var (
	// authLine is an Authorization header or member, whose whole value is a secret.
	authLine = regexp.MustCompile(`(?i)(authorization["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\r\n]*)`)
	// secretValue is key=value, key: value, "key": "value" for a secret
	// key; not after a '/', where it is a segment of an object key's path
	// (exports/sign=2024/a.csv), user data and no secret.
	secretValue = regexp.MustCompile(`(?i)(^|[^a-z0-9_/-])((?:q-signature|q-ak|x-cos-security-token|security-token|x-amz-signature|x-amz-credential|x-amz-security-token|signature|sessiontoken|session_token|token|tmpsecretid|tmpsecretkey|secretid|secret_id|secretkey|secret_key|secret|access_key|accesskey|accesskeyid|password|passwd|sign|credential)(?:["']?\s*[:=]\s*["']?))([^"'&\s,;}<)\]]+)`)
	// secretElement is <SecretKey>value</SecretKey> and the like.
	secretElement = regexp.MustCompile(`(?i)(<[a-z0-9_-]*(?:secret|token|signature|credential|authorization)[a-z0-9_-]*>)([^<]*)`)
	// escapedSecret is a secret inside a percent-encoded value, such as a sign parameter.
	escapedSecret = regexp.MustCompile(`(?i)((?:q-signature|q-ak|x-cos-security-token)%3D)([^%&\s]+)`)
)

// Scrub replaces the values of secrets in free text: an Authorization's
// value, the q-signature and q-ak of a COS signature, security tokens,
// secret keys, passwords and the sign parameter, in the shapes key=value,
// key: value, "key": "value" and <Key>value</Key>, escaped or not. It
// leaves everything else, q-sign-time, q-header-list and the segments of
// a path included, as it is.
func Scrub(s string) string {
	s = authLine.ReplaceAllString(s, "${1}"+Redacted)
	s = escapedSecret.ReplaceAllString(s, "${1}"+Redacted)
	s = secretValue.ReplaceAllString(s, "${1}${2}"+Redacted)
	return secretElement.ReplaceAllString(s, "${1}"+Redacted)
}
