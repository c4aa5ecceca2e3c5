package diagnose

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"
)

// A Kind is what failed on the client's side of a request.
type Kind int

// The kinds of client failure.
const (
	KindOther       Kind = iota
	KindDNS              // the host name did not resolve
	KindRefused          // the connection was refused
	KindReset            // the connection was reset or broke
	KindTLS              // the TLS handshake or the certificate failed
	KindTimeout          // a timeout or deadline
	KindCanceled         // the caller canceled the request
	KindEOF              // the response was cut short
	KindUnreachable      // the network or the host was unreachable
)

// A ClientFailure is a failure on the client's side of a request.
type ClientFailure struct {
	Kind      Kind
	Op        string // the request's method, when known
	URL       string // the request's URL, secrets redacted; may be empty
	Text      string // the cause's text, secrets redacted
	Retryable bool   // a retry can help
	Temporary bool   // for KindDNS: the lookup failed for now (a timeout or a temporary failure), not for good
	FromText  bool   // Kind was read from the cause's text alone, as no type the standard library uses said it
}

// ClassifyError says what kind of failure err is: from the types the
// standard library uses, else (fromText) from its text. temporary
// reports a DNS failure that may pass.
func ClassifyError(err error) (k Kind, temporary, fromText bool) {
	if k, temporary, ok := classifyType(err); ok || err == nil {
		return k, temporary, false
	}
	k, temporary = ClassifyText(err.Error())
	return k, temporary, k != KindOther
}

// TransportRetryable is coserr's retry rule for an error below HTTP, a
// non-idempotent request aside: the kind the standard library's types
// say (never the text alone) is one a retry can help.
func TransportRetryable(err error) bool {
	k, temporary, ok := classifyType(err)
	return ok && RetryableKind(k, temporary)
}

// classifyType is ClassifyError by the types the standard library uses;
// ok is false when none says what err is.
func classifyType(err error) (k Kind, temporary, ok bool) {
	var dns *net.DNSError
	var op *net.OpError
	var ne net.Error
	switch {
	case err == nil:
		return KindOther, false, false
	case errors.Is(err, context.Canceled):
		return KindCanceled, false, true
	case errors.As(err, &dns):
		return KindDNS, dns.IsTimeout || dns.IsTemporary, true
	case TLSFailure(err):
		return KindTLS, false, true
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout(), errors.Is(err, syscall.ETIMEDOUT):
		return KindTimeout, false, true
	case errors.Is(err, syscall.ECONNREFUSED):
		return KindRefused, false, true
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNABORTED), errors.Is(err, syscall.EPIPE):
		return KindReset, false, true
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETDOWN):
		return KindUnreachable, false, true
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return KindEOF, false, true
	case errors.As(err, &op):
		return KindReset, false, true
	}
	return KindOther, false, false
}

// TLSFailure reports whether err is a failed TLS handshake or a
// certificate the client refused: the same handshake fails the same way
// again, so no retry helps. coserr's retry rule and ClassifyError share it.
func TLSFailure(err error) bool {
	var (
		unknownAuthority x509.UnknownAuthorityError
		hostname         x509.HostnameError
		invalid          x509.CertificateInvalidError
		verify           *tls.CertificateVerificationError
		record           tls.RecordHeaderError
		alert            tls.AlertError
	)
	return errors.As(err, &unknownAuthority) || errors.As(err, &hostname) || errors.As(err, &invalid) ||
		errors.As(err, &verify) || errors.As(err, &record) || errors.As(err, &alert)
}

// textKinds maps the words of an error's text to its kind, first match
// wins: the texts Go's net, crypto/tls and context packages, the Python
// SDK's requests, Node.js (ECONNREFUSED, "socket hang up") and Java
// (UnknownHostException) write. net/http's client timeout reads "request
// canceled (Client.Timeout exceeded ...)": a timeout, as its type says.
var textKinds = []struct {
	words []string
	kind  Kind
}{
	{[]string{"client.timeout exceeded"}, KindTimeout},
	{[]string{"context canceled", "request canceled", "operation was canceled"}, KindCanceled},
	{[]string{"no such host", "name resolution", "nameresolution", "nodename nor servname", "getaddrinfo", "name or service not known", "server misbehaving", "lookup ", "unknownhostexception", "enotfound", "eai_again"}, KindDNS},
	{[]string{"x509:", "tls:", "certificate", "ssl", "handshake failure"}, KindTLS},
	{[]string{"timeout", "timed out", "deadline exceeded", "etimedout"}, KindTimeout},
	{[]string{"connection refused", "econnrefused"}, KindRefused},
	{[]string{"network is unreachable", "no route to host", "host is unreachable", "network is down", "enetunreach", "ehostunreach"}, KindUnreachable},
	{[]string{"connection reset", "broken pipe", "connection aborted", "forcibly closed", "econnreset", "epipe", "socket hang up", "server sent goaway"}, KindReset},
	{[]string{"unexpected eof", ": eof", "eof"}, KindEOF},
}

// ClassifyText says what kind of failure an error's text describes.
func ClassifyText(s string) (k Kind, temporary bool) {
	l := strings.ToLower(s)
	for _, tk := range textKinds {
		for _, w := range tk.words {
			if strings.Contains(l, w) {
				tmp := tk.kind == KindDNS && (strings.Contains(l, "temporary") || strings.Contains(l, "timeout") || strings.Contains(l, "try again") || strings.Contains(l, "eai_again"))
				return tk.kind, tmp
			}
		}
	}
	return KindOther, false
}

// RetryableKind is the retry rule for a kind of failure, as coserr's
// ClientError applies it (a non-idempotent request aside).
func RetryableKind(k Kind, temporary bool) bool {
	switch k {
	case KindDNS:
		return temporary
	case KindRefused, KindReset, KindTimeout, KindEOF, KindUnreachable:
		return true
	}
	return false
}

// clientFindings say what failed and whether a retry can help.
func clientFindings(in *Input) []string {
	c := in.Client
	var what, retry string
	switch c.Kind {
	case KindDNS:
		what = "the host name did not resolve (DNS)"
		if c.Temporary {
			retry = "the lookup failed for now; a retry can help"
		} else {
			retry = "a retry will not help: check the bucket name, its region and the endpoint's spelling, and the DNS server"
		}
	case KindRefused:
		what, retry = "the connection was refused: nothing listened at the address", "a retry can help when the server is restarting; check the endpoint, the port and any proxy"
	case KindReset:
		what, retry = "the connection was reset or broke while in use", "a retry can help (a non-idempotent request, an append, is retried only if it never left the client)"
	case KindTLS:
		what, retry = "the TLS handshake or the server's certificate failed", "a retry will not help: check the host name, the system's CA certificates and any intercepting proxy"
	case KindTimeout:
		what, retry = "the request timed out", "a retry can help; a large object may need a longer timeout"
	case KindCanceled:
		what, retry = "the caller canceled the request (its context)", "a retry is the caller's choice: the request was canceled on purpose"
	case KindEOF:
		what, retry = "the response was cut short (an unexpected EOF)", "a retry can help"
	case KindUnreachable:
		what, retry = "the network or the host was unreachable (no route)", "a retry can help once the route is back; check the network, the endpoint and any proxy"
	default:
		what, retry = "the request failed on the client's side", "whether a retry helps depends on the cause"
	}
	switch base := RetryableKind(c.Kind, c.Temporary); {
	case base && !c.Retryable && c.FromText:
		retry = "not retried: only the error's text says so, no type of the standard library's, and coserr retries only what a type proves; a retry of an idempotent request can help"
	case base && !c.Retryable && c.Kind != KindCanceled:
		retry = "not retried: the request is not idempotent (an append) and may have reached the server, so sending it again could apply it twice"
	}
	out := []string{what + ": " + retry}
	if c.Text != "" {
		out = append(out, "the cause: "+Scrub(c.Text))
	}
	return out
}
