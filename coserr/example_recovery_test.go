package coserr_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
)

// A 502 without a COS request id came from a proxy, not from COS: retry
// on the backup domain, as the official SDKs do.
func ExampleBackupEndpoint() {
	resp := coserrtest.Response(nil, coserrtest.WithStatus(502), coserrtest.WithRequestID(""),
		coserrtest.WithBody("text/html", "<html><body>502 Bad Gateway</body></html>"))
	err := coserr.FromResponse(resp)

	var se *coserr.ServiceError
	if errors.As(err, &se) && !se.FromCOS() && coserr.IsRetryable(err) {
		if backup, ok := coserr.BackupEndpoint(resp.Request.URL); ok {
			fmt.Println("retry on", backup.Host) // sign the request again: the host is signed
		}
	}
	// Output:
	// retry on examplebucket-1250000000.cos.ap-guangzhou.tencentcos.cn
}

// An append cut off after it was sent may have been applied: it is not
// retried. One that never left the client is.
func ExampleIsRetryable_append() {
	appendURL := "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/app.log?append&position=1024"
	req, _ := http.NewRequest(http.MethodPost, appendURL, strings.NewReader("line\n"))

	cut := coserr.FromTransport(req, &url.Error{Op: "Post", URL: appendURL, Err: io.ErrUnexpectedEOF})
	put, _ := http.NewRequest(http.MethodPut, "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/app.log", nil)
	cutPut := coserr.FromTransport(put, &url.Error{Op: "Put", URL: put.URL.String(), Err: io.ErrUnexpectedEOF})

	fmt.Println(coserr.IsRetryable(cut))    // the append may have reached COS
	fmt.Println(coserr.IsRetryable(cutPut)) // a PUT replaces the object: safe to send again
	// Output:
	// false
	// true
}

// COS can fail a copy inside a 200; CheckRetry reads such a 200 and Parse
// finds the error in a body already read.
func ExampleParse() {
	body := []byte(`<?xml version='1.0' encoding='utf-8' ?>
<Error>
	<Code>InternalError</Code>
	<Message>We encountered an internal error. Please try again.</Message>
	<RequestId>NjU0ZjYxYjZfOTBiMjBiMDlf</RequestId>
</Error>`)
	err := coserr.Parse(http.StatusOK, nil, body)
	fmt.Println(err)
	fmt.Println(coserr.IsRetryable(err))
	fmt.Println(coserr.Parse(http.StatusOK, nil, []byte(`<CopyObjectResult><ETag>"x"</ETag></CopyObjectResult>`)))
	// Output:
	// cos: 200 InternalError: We encountered an internal error. Please try again. (request id NjU0ZjYxYjZfOTBiMjBiMDlf)
	// true
	// <nil>
}

// A request signed with a clock two hours fast is refused; ClockSkew says
// by how much, so the next attempt can be signed with the server's time,
// as the JS and Node.js SDKs do.
func ExampleClockSkew() {
	serverNow := time.Now().UTC()
	resp := coserrtest.Response(coserr.AccessDenied,
		coserrtest.WithMessage("Request has expired"),
		coserrtest.WithHeader("Date", serverNow.Add(-2*time.Hour).Format(http.TimeFormat)))
	err := coserr.FromResponse(resp)

	fmt.Println(errors.Is(err, coserr.AccessDenied), errors.Is(err, coserr.RequestHasExpired))
	if skew, ok := coserr.ClockSkew(err); ok {
		fmt.Println("sign with the local time plus", skew.Round(time.Hour))
	}
	// Output:
	// true true
	// sign with the local time plus -2h0m0s
}
