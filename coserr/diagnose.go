package coserr

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/cosgo/errcatalog/coserr/internal/redact"
	"github.com/cosgo/errcatalog/internal/diagnose"
)

// A Diagnosis says why a COS request failed, as COS's console diagnosis
// tool does for a request id, offline: from the catalog, and from the
// response and the request in hand. Diagnose makes one; String is the
// report a person reads. Nothing in it shows a secret.
type Diagnosis struct {
	Code      *Code    // the catalog's code, refined (AccessDenied + "SignatureDoesNotMatch" is SignatureDoesNotMatch); nil when unknown
	Class     *Class   // the code's class, else the status's; nil for a client error
	Retryable bool     // whether the request is worth sending again (IsRetryable)
	RequestID string   // what to paste into Tencent's diagnosis tool; "" when COS did not answer
	Hints     []Hint   // the code's that fit the error's message, most likely first (see below); the class's when the code is empty or unknown
	Findings  []string // facts read off this response and request: the field a signature differs in, the clock skew, an expired signature window, a bucket host without its -APPID suffix, ...

	in *diagnose.Input // the error and the request, as String shows them
}

// Diagnose reads err, the error a COS request failed with, and req, the
// request as it was sent (with its Authorization header or presigned
// query; nil when unknown). It returns nil for a nil err. A sentinel in
// err's chain (a *Code, a *Class) gives the catalog's facts of it.
//
// A *ServiceError gives the catalog's code (refined as ServiceError.Known
// refines it), class, retry decision and hints: a hint about the message
// COS sent comes first, and a hint about another message is left out,
// since COS would have sent that one. It also gives findings read off
// the response and the request: for SignatureDoesNotMatch, the field in
// which the FormatString COS computed (sent in the body) differs from the
// one the request was signed with, rebuilt from req by COS's signing
// rules; for a clock error, the skew and the signature's window against
// the server's time; for a 403 or a missing bucket, a host without the
// bucket's -APPID suffix or in another region than the response names;
// for throttling, the server's Retry-After and COS's request-rate limits;
// for a referer or CORS rule, the request's Referer or Origin. The
// catalog says which codes get which check (checks, clock_skew, the
// class Throttled); the body's FormatString always gets the signature's. A
// *ClientError (or a bare transport error, wrapped as FromTransport
// does) gives what failed and whether a retry can help.
func Diagnose(err error, req *http.Request) *Diagnosis {
	if err == nil {
		return nil
	}
	var (
		se    *ServiceError
		ce    *ClientError
		code  *Code
		class *Class
	)
	d := &Diagnosis{}
	switch {
	case errors.As(err, &se) && se != nil:
		d.Code, d.Class, d.Retryable, d.RequestID = se.Known(), se.Class(), IsRetryable(err), se.RequestID
		d.in = serviceInput(err, se, req)
	case errors.As(err, &ce) && ce != nil:
		d.Retryable = ce.Retryable()
		d.in = clientInput(ce)
	case errors.As(err, &code) && code != nil:
		d.Code, d.Class, d.Retryable = code, code.class, code.retryable
		d.in = &diagnose.Input{Status: code.Status(), Code: code.name, Request: requestOf(req, "", "")}
	case errors.As(err, &class) && class != nil:
		d.Class, d.Retryable = class, IsRetryable(err)
		d.in = &diagnose.Input{Request: requestOf(req, "", "")}
	default:
		if status, ok := responseStatus(err); ok {
			in := &diagnose.Input{Status: status, Request: requestOf(req, "", "")}
			code, message, _ := sdkCode(err)
			in.Code, in.Message = redact.Text(code), redact.Text(message)
			d.Code, d.Retryable, d.in = knownCode(code, message), IsRetryable(err), in
			d.Class = statusClass(status)
			if d.Code != nil {
				d.Class = d.Code.class
			}
			break
		}
		if errors.As(err, &se) || errors.As(err, &ce) {
			// a typed nil of coserr's: no response, no transport failure
			d.in = &diagnose.Input{Request: requestOf(req, "", "")}
			return d
		}
		return Diagnose(FromTransport(req, err), req)
	}
	if d.Code != nil {
		d.Hints = orderHints(d.Code.Hints(), d.in.Message)
	} else if d.Class != nil {
		d.Hints = d.Class.Hints()
	}
	d.Findings = diagnose.Findings(d.in, d.facts())
	return d
}

// serviceInput is what Diagnose reads of a service error and its request.
func serviceInput(err error, se *ServiceError, req *http.Request) *diagnose.Input {
	in := &diagnose.Input{
		Status:    se.StatusCode,
		Code:      redact.Text(se.Code),
		Message:   redact.Text(se.Message),
		Resource:  redact.Text(se.Resource),
		RequestID: redact.Text(se.RequestID),
		TraceID:   redact.Text(se.TraceID),
		Header:    se.Header,
		Request:   requestOf(req, se.Method, se.URL),
	}
	if kids := bodyChildren(se.Body); len(kids) > 0 {
		in.Elements = make(map[string]string, len(kids))
		for _, kv := range kids {
			if _, dup := in.Elements[kv.name]; !dup {
				in.Elements[kv.name] = kv.value
			}
		}
	}
	in.ServerTime, _ = se.ServerTime()
	in.Skew, in.SkewKnown = ClockSkew(err)
	in.RetryAfter, in.RetryAfterSet = RetryAfter(err)
	return in
}

// clientInput is what Diagnose reads of a client error.
func clientInput(ce *ClientError) *diagnose.Input {
	kind, temporary, fromText := diagnose.ClassifyError(ce.Err)
	return &diagnose.Input{Client: &diagnose.ClientFailure{
		Kind: kind, Temporary: temporary, FromText: fromText, Retryable: ce.Retryable(),
		Op: ce.Op, URL: redact.URLString(ce.URL), Text: ce.causeText(),
	}}
}

// requestOf is the request as Diagnose knows it: req, else the method
// and (redacted) URL the error kept.
func requestOf(req *http.Request, method, rawURL string) *diagnose.Request {
	if req != nil {
		m := req.Method
		if m == "" {
			m = http.MethodGet
		}
		return &diagnose.Request{Method: m, URL: req.URL, Host: req.Host, Header: req.Header}
	}
	if rawURL == "" {
		return nil
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil
	}
	return &diagnose.Request{Method: method, URL: u}
}

// orderHints puts the hints about message first.
func orderHints(hints []Hint, message string) []Hint {
	if len(hints) == 0 {
		return nil
	}
	hs := make([]diagnose.Hint, len(hints))
	for i, h := range hints {
		hs[i] = diagnose.Hint(h)
	}
	hs = diagnose.OrderHints(hs, message)
	out := make([]Hint, len(hs))
	for i, h := range hs {
		out[i] = Hint(h)
	}
	return out
}

// facts are the catalog's facts of d, as the report shows them.
func (d *Diagnosis) facts() diagnose.Facts {
	f := diagnose.Facts{
		Code: d.Code.Name(), Description: d.Code.Description(),
		Class: d.Class.Name(), ClassText: d.Class.Description(),
		Retryable: d.Retryable, ClockSkew: d.Code != nil && d.Code.clockSkew,
	}
	if d.Code != nil {
		f.Checks = d.Code.checks
	}
	for _, h := range d.Hints {
		f.Hints = append(f.Hints, diagnose.Hint(h))
	}
	return f
}

// String is the report a person reads at 3 a.m., in this order: the code,
// what it means and whether to retry; the findings; the hints, most
// likely first; the request id and where to paste it in Tencent's
// diagnosis tool (console.cloud.tencent.com/cos5/diagnose). It shows no
// secret. It is "" for a nil *Diagnosis.
func (d *Diagnosis) String() string {
	if d == nil {
		return ""
	}
	in := d.in
	if in == nil {
		in = &diagnose.Input{}
	}
	if in.Client == nil && in.RequestID != d.RequestID {
		c := *in
		c.RequestID = d.RequestID
		in = &c
	}
	r := diagnose.Report{Facts: d.facts(), Input: in, Findings: d.Findings}
	return r.String()
}
