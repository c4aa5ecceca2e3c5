package coserr

import (
	"net/url"
	"strings"
)

// BackupEndpoint returns u on COS's backup domain, as the official SDKs
// switch to it when the default domain does not answer or something other
// than COS answers for it (see ServiceError.FromCOS): the host
// <bucket>-<appid>.cos.<region>.myqcloud.com[:port] becomes
// <bucket>-<appid>.cos.<region>.tencentcos.cn[:port], as cos-go-sdk-v5's
// switch does. Any other host (a global acceleration, website, CI or
// custom domain, or one already on tencentcos.cn) has no backup: ok is
// false and the URL nil. u itself is never changed.
//
// The SDKs retry on the backup domain once, for a transport failure or a
// 5xx or 3xx that did not come from COS:
//
//	if se, ok := errors.AsType[*coserr.ServiceError](err); (!ok || !se.FromCOS()) && coserr.IsRetryable(err) {
//		if b, ok := coserr.BackupEndpoint(req.URL); ok {
//			req.URL = b // and sign the request again: the host is signed
//		}
//	}
func BackupEndpoint(u *url.URL) (*url.URL, bool) {
	if u == nil {
		return nil, false
	}
	host, port := u.Host, ""
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host, port = host[:i], host[i:]
	}
	host = strings.ToLower(host)
	name, ok := strings.CutSuffix(host, ".myqcloud.com")
	if !ok {
		return nil, false
	}
	bucket, region, ok := strings.Cut(name, ".cos.")
	if !ok || !isBucketAppID(bucket) || region == "accelerate" || !isRegion(region) {
		return nil, false
	}
	b := *u
	if u.User != nil {
		user := *u.User
		b.User = &user
	}
	b.Host = bucket + ".cos." + region + ".tencentcos.cn" + port
	return &b, true
}

// isBucketAppID reports whether s is <bucket>-<appid>: lowercase letters,
// digits and '-', ending in '-' and the digits of an APPID.
func isBucketAppID(s string) bool {
	i := strings.LastIndexByte(s, '-')
	if i <= 0 || i == len(s)-1 {
		return false
	}
	for j := 0; j < len(s); j++ {
		c := s[j]
		digit := '0' <= c && c <= '9'
		if j > i && !digit || j < i && !digit && c != '-' && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}

// isRegion reports whether s is a COS region as the SDK's rule spells
// one: lowercase letters, '-' and '1' ("ap-guangzhou", "ap-beijing-1").
func isRegion(s string) bool {
	if s == "" {
		return false
	}
	for j := 0; j < len(s); j++ {
		if c := s[j]; c != '-' && c != '1' && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}

// FromCOS reports whether COS answered: the response carried a request
// id, in its body or in an x-cos-request-id, x-ci-request-id or
// x-amz-request-id header. A response without one came from something
// between the client and COS (a proxy, a gateway, a captive portal, a
// hijacked DNS name); the official SDKs then retry on the backup domain
// (see BackupEndpoint).
func (e *ServiceError) FromCOS() bool {
	return e != nil && e.RequestID != ""
}
