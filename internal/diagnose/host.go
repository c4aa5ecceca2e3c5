package diagnose

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// cosHost matches a COS XML API host: an optional bucket, then the region.
var cosHost = regexp.MustCompile(`^(?:([^.]+)\.)?cos(?:-internal|-website)?\.([a-z0-9-]+)\.(?:myqcloud\.com|tencentcos\.cn)$`)

// appIDSuffix ends a full bucket name, BucketName-APPID.
var appIDSuffix = regexp.MustCompile(`-[0-9]{5,}$`)

// parseHost returns the bucket and region a COS host names, for a
// virtual-hosted host; ok is false for a host that is not COS's.
func parseHost(host string) (bucket, region string, ok bool) {
	host = strings.ToLower(host)
	if h, _, found := strings.Cut(host, ":"); found {
		host = h
	}
	m := cosHost.FindStringSubmatch(host)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// hostFindings check the host the request went to: a bucket without its
// -APPID suffix, and a region other than the one the response names.
func hostFindings(in *Input) []string {
	var out []string
	bucket, region, where, ok := requestBucket(in)
	if !ok {
		return nil
	}
	if bucket != "" && region != "accelerate" && !appIDSuffix.MatchString(bucket) {
		out = append(out, fmt.Sprintf("%s names the bucket %q without its -APPID suffix: use the full name, as in %s-1250000000.cos.%s.myqcloud.com", where, bucket, bucket, region))
	}
	if region == "accelerate" {
		return out
	}
	for _, w := range []struct{ where, region string }{
		{"its Region", in.Elements["Region"]},
		{"its Endpoint", endpointRegion(in.Elements["Endpoint"])},
		{"its Resource", hostRegion(resourceHost(in.Resource))},
		{"the x-cos-bucket-region header", in.Header.Get("x-cos-bucket-region")},
	} {
		if w.region != "" && !strings.EqualFold(w.region, region) {
			out = append(out, fmt.Sprintf("the request went to region %s, but the response names %s in %s: use the bucket's own region in the endpoint", region, w.region, w.where))
			break
		}
	}
	return out
}

// requestBucket is the bucket and region of the host the request went to
// (else the host COS signed, else the Resource's), and where the bucket
// was read; ok is false for a host that is not COS's.
func requestBucket(in *Input) (bucket, region, where string, ok bool) {
	host := in.Request.host()
	if host == "" {
		host = formatStringHost(in) // the host COS saw, for a body without its request
	}
	if host == "" {
		host = resourceHost(in.Resource)
	}
	if bucket, region, ok = parseHost(host); !ok {
		return "", "", "", false
	}
	where = "the host " + host
	if bucket == "" && in.Request != nil && in.Request.URL != nil {
		bucket, _, _ = strings.Cut(strings.TrimPrefix(in.Request.URL.Path, "/"), "/")
		where = "the path of the request to " + host
	}
	return bucket, region, where, true
}

// ruledOutFindings say which likely cause of f the response or the
// request rules out: a proxy that answered without COS's request id, for
// a response with one; a bucket name without its -APPID suffix, for a
// request whose bucket has one.
func ruledOutFindings(in *Input, f Facts) []string {
	var out []string
	blames := func(words string) bool {
		return slices.ContainsFunc(f.Hints, func(h Hint) bool { return strings.Contains(h.Cause, words) })
	}
	if in.RequestID != "" && blames("without an x-cos-request-id") {
		out = append(out, fmt.Sprintf("the response carries COS's request id %q, so COS answered it: a proxy answering without one is not the cause", in.RequestID))
	}
	bucket, region, where, ok := requestBucket(in)
	if ok && bucket != "" && region != "accelerate" && appIDSuffix.MatchString(bucket) && blames("-APPID suffix") {
		out = append(out, fmt.Sprintf("%s names the bucket %q with an -APPID suffix, so a missing suffix is not the cause: compare the name, its APPID and the region %s with the console's bucket list", where, bucket, region))
	}
	return out
}

// hostRegion is the region of a COS host, or "".
func hostRegion(host string) string {
	_, region, _ := parseHost(host)
	return region
}

// endpointRegion is the region of an Endpoint element (a host or URL).
func endpointRegion(s string) string {
	s = strings.TrimSpace(s)
	if u, err := url.Parse(s); err == nil && u.Host != "" {
		s = u.Host
	}
	return hostRegion(s)
}

// resourceHost is the host of a Resource element: "bucket-appid.cos.region.myqcloud.com/key".
func resourceHost(res string) string {
	res = strings.TrimSpace(res)
	if u, err := url.Parse(res); err == nil && u.Host != "" {
		return u.Host
	}
	h, _, _ := strings.Cut(res, "/")
	return h
}

// formatStringHost is the host= of COS's FormatString, or "".
func formatStringHost(in *Input) string {
	f, ok := splitFormatString(in.Elements["FormatString"])
	if !ok {
		return ""
	}
	for _, p := range pairs(f[fieldHeaders]) {
		if p.key == "host" {
			return p.value
		}
	}
	return ""
}

// mainland lists the regions in the Chinese mainland, where COS's default
// request-rate limit is ten times that of other regions.
var mainland = []string{"ap-beijing", "ap-nanjing", "ap-shanghai", "ap-guangzhou", "ap-chengdu", "ap-chongqing", "ap-shenzhen-fsi", "ap-shanghai-fsi", "ap-beijing-fsi"}

// throttleFindings give the server's Retry-After and COS's documented
// request-rate limits.
func throttleFindings(in *Input) []string {
	var out []string
	if in.RetryAfterSet {
		out = append(out, fmt.Sprintf("COS asked to wait %s before trying again (Retry-After)", in.RetryAfter.Round(time.Second)))
	} else {
		out = append(out, "COS sent no Retry-After: back off exponentially, with jitter, before trying again")
	}
	// COS docs 436/13653 (Request Rate and Performance Optimization) and
	// 436/14518 (Specifications and Limits): by default a bucket takes
	// 30,000 read or write requests per second in a Chinese mainland
	// region and 3,000 elsewhere; a higher rate is arranged with Tencent.
	limit := "30,000 read or write requests per second for a bucket in a Chinese mainland region, 3,000 elsewhere"
	if _, region, ok := parseHost(in.Request.host()); ok {
		if strings.HasPrefix(region, "ap-") && contains(mainland, region) {
			limit = "30,000 read or write requests per second for a bucket in " + region
		} else if region != "accelerate" {
			limit = "3,000 read or write requests per second for a bucket in " + region
		}
	}
	out = append(out, "COS's documented default limit is "+limit+" (COS docs 436/13653): spread the load, or ask Tencent to raise the limit")
	return out
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
