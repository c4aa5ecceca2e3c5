package coserr_test

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/cosgo/errcatalog/coserr"
)

// Diagnose a failed request: here a PUT of the key "docs/a+b.txt" whose
// '+' went out as it is, and COS's 403 with the FormatString it signed.
// d.String() is the whole report: the code, its meaning and the retry
// decision, these findings, the catalog's hints and where to paste the
// request id.
func ExampleDiagnose() {
	req, _ := http.NewRequest(http.MethodPut, "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/docs/a+b.txt", nil)
	req.Header.Set("Authorization", "q-sign-algorithm=sha1&q-ak=AKIDEXAMPLE&q-sign-time=1700000000;1700003600"+
		"&q-key-time=1700000000;1700003600&q-header-list=host&q-url-param-list=&q-signature=0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6")
	body := `<?xml version='1.0' encoding='utf-8' ?>
<Error>
	<Code>SignatureDoesNotMatch</Code>
	<Message>The Signature you specified is invalid.</Message>
	<StringToSign>sha1
1700000000;1700003600
af9c9d40c6d8185f59980febd37b7e080db39689
</StringToSign>
	<FormatString>put
/docs/a b.txt

host=examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com
</FormatString>
	<Resource>examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/docs/a+b.txt</Resource>
	<RequestId>NjU1ZjA2ZjBfMTRhNTFkMGFfMjk3ZV8x</RequestId>
</Error>`
	err := coserr.Parse(http.StatusForbidden, nil, []byte(body))

	d := coserr.Diagnose(err, req)
	fmt.Println(d.Code.Name(), d.Class.Name(), d.Retryable)
	for _, f := range d.Findings {
		fmt.Println("-", f)
	}
	fmt.Println(d.RequestID)
	fmt.Println(strings.Contains(d.String(), "q-signature=0f1e"), strings.Contains(d.String(), "AKIDEXAMPLE"))
	// Output:
	// SignatureDoesNotMatch Unauthenticated false
	// - the path: COS signed "/docs/a b.txt", the request "/docs/a+b.txt": a '+' in the key was read as a space: send it as %2B
	// - sha1(FormatString): COS af9c9d40c6d8185f59980febd37b7e080db39689, the request cef9bf26bb75829acf99f567220ec17fef060fee
	// NjU1ZjA2ZjBfMTRhNTFkMGFfMjk3ZV8x
	// false false
}
