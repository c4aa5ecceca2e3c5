package diagnose

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// clockTolerance is the skew below which a clock counts as right. COS
// refuses a request whose time is more than 15 minutes off
// (RequestTimeTooSkewed), and the JS SDKs correct their clock from 30
// seconds of skew; a minute leaves room for the time a request takes.
const clockTolerance = time.Minute

// clockFindings tell a wrong local clock from an expired signature: the
// skew between the server's clock and the local one, and the signature's
// q-sign-time window against the server's time.
func clockFindings(in *Input) []string {
	var out []string
	if in.SkewKnown {
		out = append(out, skewFinding(in.Skew))
	}
	start, end, label, ok := signWindow(in)
	if !ok || in.ServerTime.IsZero() {
		switch {
		case in.SkewKnown:
		case ok:
			out = append(out, fmt.Sprintf("the signature's %s %s..%s (%s); the server's time is not known here: "+
				"a request that reached COS after its end carried an expired signature (a presigned URL used too late), one before its start came from a signer whose clock is ahead",
				label, utc(start), utc(end), end.Sub(start)))
		case !in.ServerTime.IsZero():
			out = append(out, fmt.Sprintf("the server's time was %s; the signature's window (q-sign-time) is not known here: "+
				"one that ends before that time is an expired signature, one that starts after it a signer's clock ahead; compare the signer's clock at the time with it", utc(in.ServerTime)))
		default:
			out = append(out, "neither the server's time nor the signature's window is known here: compare `date -u` with an NTP server, and the signature's q-sign-time with the time of the request")
		}
		return out
	}
	t := in.ServerTime.UTC()
	window := fmt.Sprintf("the signature's %s %s..%s (%s)", label, utc(start), utc(end), end.Sub(start))
	clockRight := in.SkewKnown && in.Skew.Abs() < clockTolerance
	switch {
	case t.After(end):
		s := fmt.Sprintf("%s ended %s before the server's time %s", window, t.Sub(end).Round(time.Second), utc(t))
		switch {
		case clockRight:
			s += ": the local clock is right, so the signature itself expired: a presigned URL used after its expiry, or a signature made long before the request; sign again with a longer expiry"
		case !in.SkewKnown:
			s += ": a presigned URL used after its expiry, or a signer whose clock is behind"
		}
		out = append(out, s)
	case t.Before(start):
		out = append(out, fmt.Sprintf("%s starts %s after the server's time %s: the signer's clock is ahead", window, start.Sub(t).Round(time.Second), utc(t)))
	default:
		out = append(out, fmt.Sprintf("the server's time %s is inside %s", utc(t), window))
	}
	return out
}

// skewFinding says how far the local clock is from the server's.
func skewFinding(skew time.Duration) string {
	d := skew.Abs().Round(time.Second)
	switch {
	case skew.Abs() < clockTolerance:
		return fmt.Sprintf("the local clock is within %s of the server's: the clock is not the cause", max(d, time.Second))
	case skew > 0:
		return fmt.Sprintf("the local clock is %s behind the server's: set it right (NTP) and sign again", d)
	}
	return fmt.Sprintf("the local clock is %s ahead of the server's: set it right (NTP) and sign again", d)
}

// signWindow is the signature's validity window: the request's
// q-sign-time, else the key time of COS's StringToSign.
func signWindow(in *Input) (start, end time.Time, label string, ok bool) {
	a := requestAuth(in.Request)
	label, v := "q-sign-time", a.signTime
	if v == "" {
		if kt, _, found := stringToSign(in.Elements["StringToSign"]); found {
			label, v = "key time", kt
		}
	}
	s, e, found := strings.Cut(v, ";")
	if !found {
		return time.Time{}, time.Time{}, "", false
	}
	si, err1 := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	ei, err2 := strconv.ParseInt(strings.TrimSpace(e), 10, 64)
	if err1 != nil || err2 != nil {
		return time.Time{}, time.Time{}, "", false
	}
	return time.Unix(si, 0), time.Unix(ei, 0), label, true
}

// utc formats t for a report.
func utc(t time.Time) string { return t.UTC().Format(time.RFC3339) }
