package errcatalog_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/internal/diagnose/fromcatalog"
)

// Same error, same report: coserr.Diagnose, reading the error, and errgen
// diagnose (fromcatalog.Report), reading what a person pastes of it, say
// the same thing, for every code of the catalog and every message that
// refines one.
func TestDiagnoseSameReport(t *testing.T) {
	cat := loadCatalog(t)
	type input struct {
		status        int
		code, message string
	}
	var inputs []input
	for _, k := range cat.Codes {
		status := 400
		if len(k.Statuses) > 0 {
			status = k.Statuses[0]
		}
		inputs = append(inputs, input{status, k.Code, k.Description})
		for _, s := range k.SentAs {
			inputs = append(inputs, input{status, s.Code, s.Message})
		}
	}
	inputs = append(inputs, input{404, "", ""}, input{503, "NoSuchThing", "an unknown code"})
	for _, in := range inputs {
		t.Run(fmt.Sprintf("%d %s %s", in.status, in.code, in.message), func(t *testing.T) {
			body := "<Error><Code>" + in.code + "</Code><Message>" + in.message + "</Message><RequestId>NjA3OGY4NGFf</RequestId></Error>"
			err := coserr.Parse(in.status, nil, []byte(body))
			require.Error(t, err)
			want := coserr.Diagnose(err, nil).String()
			got, rerr := fromcatalog.Report(cat, err.Error())
			require.NoError(t, rerr)
			assert.Equal(t, want, got, "errgen diagnose of %q", err.Error())
		})
	}
}

// The public SignatureDoesNotMatch body gives the same report pasted as
// it is as read by coserr.
func TestDiagnoseSameReportBody(t *testing.T) {
	cat := loadCatalog(t)
	body, err := os.ReadFile("coserr/testdata/signaturedoesnotmatch.xml")
	require.NoError(t, err)
	got, rerr := fromcatalog.Report(cat, string(body))
	require.NoError(t, rerr)
	assert.Equal(t, coserr.Diagnose(coserr.Parse(403, nil, body), nil).String(), got)
}

// Same failure, same retry answer: coserr.Diagnose of the transport error
// wrapped by FromTransport, errgen diagnose of coserr's text for it, and
// errgen diagnose of the text net/http prints for it.
func TestDiagnoseSameRetryClient(t *testing.T) {
	cat := loadCatalog(t)
	causes := map[string]error{
		"refused":     &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)},
		"dns":         &net.DNSError{Err: "no such host", Name: "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com", IsNotFound: true},
		"reset":       &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)},
		"eof":         io.ErrUnexpectedEOF,
		"deadline":    context.DeadlineExceeded,
		"canceled":    context.Canceled,
		"certificate": &tls.CertificateVerificationError{Err: x509.UnknownAuthorityError{}},
		"broken pipe": &net.OpError{Op: "write", Net: "tcp", Err: os.NewSyscallError("write", syscall.EPIPE)},
		"unreachable": os.NewSyscallError("connect", syscall.ENETUNREACH),
		"no route":    syscall.EHOSTUNREACH,
	}
	targets := map[string]string{
		"GET":           "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt",
		"POST append":   "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/log.txt?append&position=0",
		"POST complete": "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.bin?uploadId=1",
		"POST encoded":  "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/log.txt?%61ppend&position=0",
	}
	retryLine := func(report string) string {
		for _, line := range strings.Split(report, "\n") {
			if strings.HasPrefix(line, "Retry: ") {
				return line
			}
		}
		return ""
	}
	for cname, cause := range causes {
		for tname, target := range targets {
			t.Run(cname+"/"+tname, func(t *testing.T) {
				method, _, _ := strings.Cut(tname, " ")
				req, err := http.NewRequest(method, target, nil)
				require.NoError(t, err)
				ue := &url.Error{Op: method[:1] + strings.ToLower(method[1:]), URL: target, Err: cause}
				cerr := coserr.FromTransport(req, ue)
				want := retryLine(coserr.Diagnose(cerr, req).String())
				require.NotEmpty(t, want)
				assert.Equal(t, coserr.IsRetryable(cerr), strings.HasPrefix(want, "Retry: yes"), "Diagnose and IsRetryable")
				for _, text := range []string{cerr.Error(), ue.Error()} {
					got, rerr := fromcatalog.Report(cat, text)
					require.NoError(t, rerr, text)
					assert.Equal(t, want, retryLine(got), "errgen diagnose of %q", text)
				}
			})
		}
	}
}
