package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Secrets planted in pasted text; no report may show one.
var plantedSecrets = []string{"AKIDplantedSecretId0123", "0f1e2d3c4b5a69788796a5b4c3d2e1f0plantedsig", "plantedSessionToken", "plantedSecretKey"}

// runDiagnose runs errgen diagnose in an empty temporary directory, away
// from the repository, with paste as its standard input (file empty) or
// as FILE.
func runDiagnose(t *testing.T, paste string, asFile bool) (code int, stdout, stderr string) {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	args := []string{"diagnose"}
	if asFile {
		path := filepath.Join(dir, "paste.txt")
		require.NoError(t, os.WriteFile(path, []byte(paste), 0o600))
		args = append(args, path)
	} else {
		old := stdin
		stdin = strings.NewReader(paste)
		t.Cleanup(func() { stdin = old })
	}
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestDiagnosePastedForms(t *testing.T) {
	picgo, err := os.ReadFile("../../coserr/testdata/signaturedoesnotmatch.xml")
	require.NoError(t, err)
	escaped := strings.ReplaceAll(strings.ReplaceAll(string(picgo), "\n", `\n`), `"`, `\"`)
	tests := []struct {
		name, paste string
		want        []string
	}{{
		name:  "XML body",
		paste: string(picgo),
		want: []string{"SignatureDoesNotMatch [HTTP 403, class Unauthenticated]",
			"a '+' in the key was read as a space: send it as %2B", "Request id: NjA0NGFjMmFfZTViOTJhMDlfMjA0NDlfNzU0MzM4NQ=="},
	}, {
		name:  "JSON body",
		paste: `{"code":"NoSuchBucket","message":"The specified bucket does not exist.","request_id":"NjA3OGY4NGFf","resource":"examplebucket.cos.ap-guangzhou.myqcloud.com"}`,
		want:  []string{"NoSuchBucket [HTTP 404, class NotFound]", `names the bucket "examplebucket" without its -APPID suffix`, "Request id: NjA3OGY4NGFf"},
	}, {
		name:  "coserr error line",
		paste: "cos: 403 AccessDenied: Request has expired (request id NWQ0ZGM3YzFf)\n",
		want:  []string{`Request has expired (sent as AccessDenied: "Request has expired") [HTTP 403, class Unauthenticated]`, "Request id: NWQ0ZGM3YzFf"},
	}, {
		name:  "coserr line without a code",
		paste: "cos: 404 Not Found (request id NWQ0ZGM3YzFf)",
		want:  []string{"no error code (Not Found) [HTTP 404, class NotFound]", "Retry: no"},
	}, {
		name:  "Python SDK exception with the body",
		paste: `qcloud_cos.cos_exception.CosServiceError: "` + escaped + `"`,
		want:  []string{"SignatureDoesNotMatch", "a '+' in the key was read as a space"},
	}, {
		name: "Python SDK digest dict",
		paste: `{'code': 'SlowDown', 'message': 'Please reduce your request rate.', 'resource': 'examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt', ` +
			`'requestid': 'NjA3OGY4NGFf', 'traceid': 'OGVmYzZiMmQz'}`,
		want: []string{"SlowDown [class Throttled]", "Retry: yes", "30,000 read or write requests per second", "Trace id:   OGVmYzZiMmQz"},
	}, {
		name:  "aws-sdk-go-v2 error",
		paste: `operation error S3: GetObject, https response error StatusCode: 404, RequestID: NjA3OGY4NGFfNjJk, HostID: OGVmYzZi, api error NoSuchKey: The specified key does not exist.`,
		want:  []string{"NoSuchKey [HTTP 404, class NotFound]", `COS said: "The specified key does not exist."`, "Request id: NjA3OGY4NGFfNjJk"},
	}, {
		name:  "aws-sdk-go-v2 error of a HEAD",
		paste: `operation error S3: HeadObject, https response error StatusCode: 403, RequestID: , HostID: , api error Forbidden: Forbidden`,
		want:  []string{"no error code (Forbidden) [HTTP 403, class AccessDenied]", "No request id"},
	}, {
		name:  "minio-go ErrorResponse with %+v",
		paste: `{XMLName:{Space: Local:Error} Code:AccessDenied Message:You are denied by bucket referer rule BucketName:b Key:k Resource:/b/k RequestID:NjA3 HostID: Region: Server:tencent-cos StatusCode:403}`,
		want:  []string{"AccessDenied [HTTP 403, class AccessDenied]", "hotlink protection (referer rule) refused the request", "Request id: NjA3"},
	}, {
		name:  "minio-go ErrorResponse with %#v",
		paste: `minio.ErrorResponse{XMLName:xml.Name{Space:"", Local:"Error"}, Code:"NoSuchUpload", Message:"The specified upload does not exist.", BucketName:"b", Key:"k", Resource:"", RequestID:"NjA3", HostID:"", Region:"", Server:"tencent-cos", StatusCode:404}`,
		want:  []string{"NoSuchUpload [HTTP 404, class NotFound]", "Request id: NjA3"},
	}, {
		name:  "slog line quoting a coserr error",
		paste: `{"time":"2026-12-06T01:00:00Z","level":"ERROR","msg":"get failed","err":"cos: 503 SlowDown: Please reduce your request rate. (request id NjA3OGY4)"}`,
		want:  []string{"SlowDown [HTTP 503, class Throttled]", "Request id: NjA3OGY4"},
	}, {
		name:  "slog line with a coserr error group",
		paste: `time=2026-12-06T01:00:00Z level=ERROR msg="get failed" err.status=404 err.code=NoSuchKey err.message="The specified key does not exist." err.request_id=NjA3OGY4`,
		want:  []string{"NoSuchKey [HTTP 404, class NotFound]", "Request id: NjA3OGY4"},
	}, {
		name:  "cos-go-sdk-v5 error",
		paste: `GET https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt: 404 NoSuchKey(Message: The specified key does not exist., RequestId: NjQ5ZjE4ZTJf, TraceId: OGVmYzZi)`,
		want:  []string{"NoSuchKey [HTTP 404, class NotFound]", `COS said: "The specified key does not exist."`, "Request id: NjQ5ZjE4ZTJf", "Trace id:   OGVmYzZi\n"},
	}, {
		name: "cos-go-sdk-v5 RetryError of two attempts, a comma in the message",
		paste: `PUT https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt: 503 SlowDown(Message: Please reduce your request rate, then retry., RequestId: NjQ5ZjFf, TraceId: OGVm); ` +
			`PUT https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt: 503 SlowDown(Message: Please reduce your request rate, then retry., RequestId: NjQ5ZjJf, TraceId: OGVn)`,
		want: []string{"SlowDown [HTTP 503, class Throttled]", `COS said: "Please reduce your request rate, then retry."`, "Retry: yes", "Request id: NjQ5ZjJf", "Trace id:   OGVn\n"},
	}, {
		name:  "only a request id",
		paste: `request failed, RequestId: NjQ5ZjE4ZTJf`,
		want:  []string{"no error code", "Retry: unknown", "Request id: NjQ5ZjE4ZTJf"},
	}, {
		name:  "client error",
		paste: `2026/12/06 01:00:00 cos: GET https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt: dial tcp 10.0.0.1:443: connect: connection refused`,
		want:  []string{"Client error (GET https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt)", "Retry: yes", "the connection was refused"},
	}, {
		name:  "an append cut off, as net/http prints it",
		paste: `Post "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/log.txt?append&position=0": unexpected EOF`,
		want:  []string{"Client error (POST https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/log.txt?append&position=0)", "Retry: no."},
	}, {
		name:  "an append cut off, the method not shown",
		paste: `upload failed: "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/log.txt?position=0&append": unexpected EOF`,
		want:  []string{"Retry: no."},
	}, {
		name:  "an object named append.txt cut off",
		paste: `Post "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/append.txt?uploads": unexpected EOF`,
		want:  []string{"Retry: yes"},
	}, {
		name: "log line with secrets",
		paste: `2026/12/06 PUT https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt?q-sign-algorithm=sha1&q-ak=AKIDplantedSecretId0123&q-sign-time=1700000000;1700003600&q-key-time=1700000000;1700003600&q-header-list=host&q-url-param-list=&q-signature=0f1e2d3c4b5a69788796a5b4c3d2e1f0plantedsig&x-cos-security-token=plantedSessionToken ` +
			`Authorization: q-sign-algorithm=sha1&q-ak=AKIDplantedSecretId0123&q-signature=0f1e2d3c4b5a69788796a5b4c3d2e1f0plantedsig ` +
			`<Error><Code>AccessDenied</Code><Message>Request has expired</Message><ServerTime>2023-11-14T23:13:20Z</ServerTime><SecretKey>plantedSecretKey</SecretKey><RequestId>NjA3</RequestId></Error>`,
		want: []string{"Request has expired", "the signature's q-sign-time 2023-11-14T22:13:20Z..2023-11-14T23:13:20Z (1h0m0s)", "Request id: NjA3"},
	}}
	for _, tt := range tests {
		for _, asFile := range []bool{false, true} {
			name := tt.name + "/stdin"
			if asFile {
				name = tt.name + "/file"
			}
			t.Run(name, func(t *testing.T) {
				code, stdout, stderr := runDiagnose(t, tt.paste, asFile)
				require.Equal(t, 0, code, stderr)
				assert.Empty(t, stderr)
				for _, w := range tt.want {
					assert.Contains(t, stdout, w)
				}
				for _, s := range plantedSecrets {
					assert.NotContains(t, stdout, s)
				}
				f, h, id := strings.Index(stdout, "Findings:"), strings.Index(stdout, "Likely causes"), strings.Index(stdout, "Request id:")
				for _, i := range []int{f, h} {
					if i >= 0 && id >= 0 {
						assert.Less(t, i, id, "sections out of order")
					}
				}
			})
		}
	}
}

func TestDiagnoseFails(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		paste    string
		wantCode int
		wantErr  string
	}{
		{"nothing", nil, "", 1, "errgen: no COS error found in the input"},
		{"an unknown message", nil, "The specified key does not exist.", 1, "paste the whole error (for minio-go, minio.ToErrorResponse(err) printed with %#v)"},
		{"a request id alone", nil, "NjA0NGFjMmFfZTViOTJhMDlfMjA0NDlfNzU0MzM4NQ==\n", 1,
			"a COS request id alone: it names the request, not the error; Tencent's diagnosis tool, https://console.cloud.tencent.com/cos5/diagnose, looks it up"},
		{"a missing file", []string{"no-such-file.txt"}, "", 1, "no-such-file.txt"},
		{"two files", []string{"a", "b"}, "", 2, "errgen [-catalog file] diagnose [FILE]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			old := stdin
			stdin = strings.NewReader(tt.paste)
			t.Cleanup(func() { stdin = old })
			var out, errOut bytes.Buffer
			code := run(append([]string{"diagnose"}, tt.args...), &out, &errOut)
			assert.Equal(t, tt.wantCode, code)
			assert.Contains(t, errOut.String(), tt.wantErr)
			assert.Empty(t, out.String())
		})
	}
}
