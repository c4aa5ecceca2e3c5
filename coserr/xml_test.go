package coserr

import (
	"encoding/binary"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The differential tests hold the fast paths (parseXMLFast, parseJSONFast)
// to the general ones (xmlChildren, jsonChildren, each through fieldsOf):
// whenever a fast path answers, its answer must be the general path's,
// field by field. The corpus is real-shaped COS bodies and mutations of
// them that touch everything the fast paths must either read exactly or
// refuse.

// fxGeneralXML is what the general XML path makes of body.
func fxGeneralXML(body []byte) fields {
	kids, isError := xmlChildren(body)
	f := fieldsOf(kids)
	f.isError = isError
	return f
}

// fxHeaders are the headers the fast paths run with: none; headers that
// repeat the ids the general path finds (so the fast path takes them from
// there), with a code header, odd keys and a second value beside; and
// headers with other ids, which must not be taken.
func fxHeaders(want fields) []http.Header {
	return []http.Header{nil, {
		"X-Cos-Request-Id": {want.requestID, "second"},
		"X-Ci-Trace-Id":    {want.traceID},
		"X-Cos-Error-Code": {want.code},
		"x-cos-trace-id":   {"not canonical"},
	}, {
		"X-Cos-Request-Id": {"other" + want.requestID},
		"X-Cos-Trace-Id":   {want.traceID + "other"},
		"X-Ci-Request-Id":  {""},
	}}
}

// fxCheckXML fails t when the fast XML path answers differently from the
// general one, and reports whether it answered.
func fxCheckXML(t testing.TB, body []byte) bool {
	t.Helper()
	return fxCheck(t, "parseXMLFast", parseXMLFast, fxGeneralXML(body), body)
}

// fxCheck runs a fast path on body with every header set fxHeaders makes
// of want, the general path's answer, and fails t where they differ.
func fxCheck(t testing.TB, name string, fast func([]byte, http.Header) (fields, bool), want fields, body []byte) bool {
	t.Helper()
	var ok bool
	for _, h := range fxHeaders(want) {
		var got fields
		if got, ok = fast(body, h); ok && got != want {
			t.Fatalf("%s(%q, %v) = %+v; want %+v (the general path)", name, body, h, got, want)
		}
	}
	return ok
}

// fxDecl is the declaration COS sends.
const fxDecl = "<?xml version='1.0' encoding='utf-8' ?>\n"

// fxXMLBodies are real-shaped COS error documents; the fast path must read
// every one of them itself.
var fxXMLBodies = map[string]string{
	"BucketAlreadyExists 409": fxDecl + "<Error>\n\t<Code>BucketAlreadyExists</Code>\n\t<Message>The requested bucket name is not available.</Message>\n\t<Resource>testdelete-1253846586.cos.ap-guangzhou.myqcloud.com</Resource>\n\t<RequestId>NTk0NTRjZjZfNTViMjM1XzlkMV9hZTZh</RequestId>\n\t<TraceId>OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NWFiNjAyMzdlM2RlMmVmOGNiNWIxYjYwNDFhYmQ=</TraceId>\n</Error>",
	"NoSuchKey 404":           fxDecl + "<Error>\n    <Code>NoSuchKey</Code>\n    <Message>The specified key does not exist.</Message>\n    <Resource>examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/test_404</Resource>\n    <RequestId>NjA3OGY4NGFfNjJkMmMwYl8***</RequestId>\n    <TraceId>OGVmYzZiMmQzYjA2OWNh***</TraceId>\n</Error>\n",
	"SignatureDoesNotMatch 403": fxDecl + "<Error>\n\t<Code>SignatureDoesNotMatch</Code>\n\t<Message>The Signature you specified is invalid.</Message>\n\t<StringToSign>sha1\n1615113257;1615199657\nc7503b92a8581b3f3f68c8f7f64a8917b03a1a95\n</StringToSign>\n" +
		"\t<FormatString>put\n/imagesresume-zh en_页面_1.png\n\nhost=o2-1258123310.cos.ap-beijing.myqcloud.com\n</FormatString>\n\t<Resource>o2-00000000.cos.ap-beijing.myqcloud.com/imagesresume-zh+en_页面_1.png</Resource>\n" +
		"\t<RequestId>NjA0NGFjMmFfZTViOTJhMDlfMjA0NDlfNzU0MzM4NQ==</RequestId>\n\t<TraceId>OGVmYzZ…</TraceId>\n</Error>",
	"InternalError in a 200":  "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>",
	"CI error, no Resource":   fxDecl + "<Error><Code>InvalidArgument</Code><Message>Part is required</Message><RequestId>NjBhZjEy</RequestId><TraceId>OGVmYzZi</TraceId></Error>",
	"SlowDown 503":            fxDecl + "<Error>\n<Code>SlowDown</Code>\n<Message>Please reduce your request rate.</Message>\n<Resource>b-1250000000.cos.ap-shanghai.myqcloud.com/k</Resource>\n<RequestId>NjQ5</RequestId>\n<TraceId>OGVm</TraceId>\n</Error>\n",
	"ServerTime":              fxDecl + "<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the server's time is too large.</Message><ServerTime>2026-11-27T08:00:00Z</ServerTime><RequestId>Nj</RequestId></Error>",
	"empty Error":             "<Error></Error>",
	"double-quoted decl":      `<?xml version="1.0" encoding="UTF-8"?>` + "\n<Error><Code>AccessDenied</Code><Message>Access Denied.</Message></Error>",
	"decl without encoding":   `<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>`,
	"decl with standalone":    `<?xml version="1.0" encoding="utf-8" standalone="yes"?><Error><Code>AccessDenied</Code></Error>`,
	"no decl, leading space":  "\n\n  <Error><Code>NoSuchUpload</Code><Message> spaced </Message><Resource> r </Resource></Error>",
	"byte order mark":         "\xef\xbb\xbf" + fxDecl + "<Error><Code>NoSuchKey</Code></Error>",
	"self-closing children":   "<Error><Code>NoSuchKey</Code><Message/><Resource/><Extra/></Error>",
	"duplicate children":      "<Error><Code>A</Code><Code>B</Code><Message>1</Message><Message>2</Message><Code/></Error>",
	"other spellings":         "<Error><code>lower</code><error_code>snake</error_code><ErrorMessage>em</ErrorMessage><Request-Id>rid</Request-Id><trace_id>tid</trace_id></Error>",
	"names with digits, dots": "<Error><X1.y-z_>v</X1.y-z_><Code>C</Code></Error>",
	"unicode text":            "<Error><Code>NoSuchKey</Code><Message>对象不存在 ✓ \U0001F600 \u0085 \u00a0</Message></Error>",
	"gt and quotes in text":   `<Error><Code>InvalidArgument</Code><Message>a > b, "q" 'q' ] ]] ]>]</Message></Error>`,
	"tab and newline edges":   "<Error><Code>\n\tNoSuchKey \t</Code><Message>\n two lines \n</Message></Error>",
	"child named Error":       "<Error><Error>inner</Error><Code>C</Code></Error>",
	"trailing garbage":        "<Error><Code>C</Code></Error><<<&&&\xff",
}

// fxMutations turns one XML body into variants the fast path must read
// exactly or refuse.
func fxMutations(body string) map[string]string {
	m := map[string]string{}
	replace := func(name, old, new string) {
		if strings.Contains(body, old) {
			m[name] = strings.Replace(body, old, new, 1)
		}
	}
	for _, tag := range []string{"Code", "Message", "Resource", "RequestId", "TraceId"} {
		open, close := "<"+tag+">", "</"+tag+">"
		replace(tag+" entity amp", open, open+"a &amp; b ")
		replace(tag+" entity lt", open, open+"&lt;")
		replace(tag+" char ref", open, open+"&#65;&#x42;")
		replace(tag+" unknown entity", open, open+"&nbsp;")
		replace(tag+" bare ampersand", open, open+"a & b")
		replace(tag+" CDATA", open, open+"<![CDATA[x<y]]>")
		replace(tag+" comment inside", open, open+"<!-- c -->")
		replace(tag+" comment after", close, close+"<!-- c -->")
		replace(tag+" attribute", open, "<"+tag+` a="1">`)
		replace(tag+" space in open", open, "<"+tag+" >")
		replace(tag+" space in close", close, "</"+tag+" >")
		replace(tag+" prefixed", open, "<x:"+tag+">")
		replace(tag+" prefixed both", open+"", "<x:"+tag+">")
		replace(tag+" namespace", open, "<"+tag+` xmlns="urn:x">`)
		replace(tag+" nested", open, open+"<b>x</b>")
		replace(tag+" mismatched close", close, "</"+tag+"x>")
		replace(tag+" unclosed", close, "")
		replace(tag+" self-closing", open, "<"+tag+"/>"+open)
		replace(tag+" duplicate", open, open+"dup"+close+open)
		replace(tag+" carriage return", open, open+"a\rb")
		replace(tag+" CRLF", open, open+"a\r\nb")
		replace(tag+" NUL", open, open+"a\x00b")
		replace(tag+" control", open, open+"a\x01\x1fb")
		replace(tag+" DEL", open, open+"a\x7fb")
		replace(tag+" invalid UTF-8", open, open+"a\xffb")
		replace(tag+" truncated UTF-8", open, open+"a\xe9\x80b")
		replace(tag+" overlong UTF-8", open, open+"\xc0\xaf")
		replace(tag+" surrogate", open, open+"\xed\xa0\x80")
		replace(tag+" U+FFFE", open, open+"\uFFFE")
		replace(tag+" U+FFFF", open, open+"\uFFFF")
		replace(tag+" U+FFFD", open, open+"\uFFFD")
		replace(tag+" CDATA end", open, open+"a]]>b")
		replace(tag+" brackets", open, open+"a]]b]>")
		replace(tag+" unicode name", open, "<Ç"+tag+">")
		replace(tag+" leading space in name", open, "< "+tag+">")
	}
	replace("root namespace", "<Error>", `<Error xmlns="http://www.qcloud.com/">`)
	replace("root prefix", "<Error>", `<x:Error xmlns:x="urn:x">`)
	replace("root attribute", "<Error>", `<Error a='1'>`)
	replace("root lower case", "<Error>", "<error>")
	replace("root other", "<Error>", "<Response>")
	replace("root longer", "<Error>", "<ErrorX>")
	replace("root self-closing", "<Error>", "<Error/>")
	replace("root close spaced", "</Error>", "</Error >")
	replace("root unclosed", "</Error>", "")
	replace("text in root", "<Error>", "<Error>text")
	replace("comment in root", "<Error>", "<Error><!-- c -->")
	replace("PI in root", "<Error>", "<Error><?pi x?>")
	replace("doctype", "<Error>", "<!DOCTYPE Error><Error>")
	replace("comment before root", "<Error>", "<!-- c --><Error>")
	replace("PI before root", "<Error>", "<?pi x?><Error>")
	replace("two roots", "</Error>", "</Error><Error><Code>Second</Code></Error>")
	replace("decl gbk", "encoding='utf-8'", "encoding='gbk'")
	replace("decl utf-16", "encoding='utf-8'", "encoding='UTF-16'")
	replace("decl utf8", "encoding='utf-8'", "encoding='utf8'")
	replace("decl latin1", "encoding='utf-8'", "encoding='ISO-8859-1'")
	replace("decl upper", "encoding='utf-8'", "encoding='UTF-8'")
	replace("decl version 1.1", "version='1.0'", "version='1.1'")
	replace("decl spaced equals", "version='1.0'", "version = '1.0'")
	replace("decl mixed quotes", "version='1.0'", "version='1.0\"")
	replace("decl no version", "version='1.0' ", "")
	replace("decl standalone", "encoding='utf-8'", "encoding='utf-8' standalone='no'")
	replace("decl standalone odd", "encoding='utf-8'", "encoding='utf-8' standalone='maybe'")
	replace("decl extra", "encoding='utf-8'", "encoding='utf-8' foo='bar'")
	replace("decl order", "version='1.0' encoding='utf-8'", "encoding='utf-8' version='1.0'")
	replace("decl unterminated", "?>", "")
	replace("decl xml-stylesheet", "<?xml ", "<?xml-stylesheet ")
	replace("decl upper target", "<?xml", "<?XML")
	replace("decl late", "<?xml version='1.0' encoding='utf-8' ?>\n<Error>", "<Error>")
	m["CRLF everywhere"] = strings.ReplaceAll(body, "\n", "\r\n")
	m["CR between children"] = strings.ReplaceAll(body, ">\n", ">\r")
	m["byte order mark"] = "\xef\xbb\xbf" + body
	m["two byte order marks"] = "\xef\xbb\xbf\xef\xbb\xbf" + body
	m["space before decl"] = "  \n" + body
	m["utf-16 bytes"] = "\xff\xfe" + body
	m["latin-1 byte"] = strings.Replace(body, "<Message>", "<Message>caf\xe9", 1)
	m["trailing text"] = body + "trailing & <garbage"
	return m
}

func TestFastXMLAgreesWithGeneral(t *testing.T) {
	for name, body := range fxXMLBodies {
		t.Run(name, func(t *testing.T) {
			require.True(t, fxCheckXML(t, []byte(body)), "parseXMLFast(%q) refused a common COS body", body)
			f := parseBody([]byte(body))
			assert.True(t, f.isError, "parseBody(%q).isError = false; want true", body)
		})
	}
	for name, body := range fxXMLBodies {
		for mname, mutated := range fxMutations(body) {
			t.Run(name+"/"+mname, func(t *testing.T) {
				fxCheckXML(t, []byte(mutated))
			})
		}
	}
}

// TestFastXMLTruncated cuts real bodies at every byte: the fast path must
// agree on every cut, and refuse every one that breaks off before the end
// of </Error> (it only reads whole documents).
func TestFastXMLTruncated(t *testing.T) {
	for name, body := range fxXMLBodies {
		t.Run(name, func(t *testing.T) {
			end := strings.LastIndex(body, "</Error>") + len("</Error>")
			for i := range len(body) {
				if fxCheckXML(t, []byte(body[:i])) && i < end {
					t.Fatalf("parseXMLFast(%q) read a truncated document; want it refused", body[:i])
				}
			}
		})
	}
}

// TestFastXMLRefuses: things the fast path must leave to the general one,
// whether or not the general path could read them.
func TestFastXMLRefuses(t *testing.T) {
	for _, body := range []string{
		"", "<", "<Error>", "<Error><Code>C</Code>", "<Error><Code>C</Code></Err>",
		"<Error><Code>a &amp; b</Code></Error>",
		"<Error><Code><![CDATA[C]]></Code></Error>",
		"<Error><!-- c --><Code>C</Code></Error>",
		`<Error xmlns="urn:x"><Code>C</Code></Error>`,
		"<Error><Code>a\r\nb</Code></Error>",
		"<?xml version='1.0' encoding='gbk'?><Error><Code>C</Code></Error>",
		"<Error><Code>a]]>b</Code></Error>",
		"<Error><Code>\xff</Code></Error>",
	} {
		_, ok := parseXMLFast([]byte(body), nil)
		assert.False(t, ok, "parseXMLFast(%q) ok = true; want false", body)
	}
}

// TestPlainWord: the eight-byte test passes a word only when the
// byte-at-a-time table passes each of its bytes, and passes every word of
// printable ASCII the table passes (tab and newline it leaves to the
// table); for every byte value in every lane, alone and next to another
// odd byte.
func TestPlainWord(t *testing.T) {
	for lane := range 8 {
		for c := range 256 {
			for _, other := range []byte{'a', 0x00, '\t', 0x7f, 0x80, '<'} {
				w := []byte("abcdefgh")
				w[lane] = byte(c)
				if lane > 0 {
					w[lane-1] = other
				}
				table, printable := true, true
				for _, b := range w {
					table = table && textClass[b] == 0
					printable = printable && b >= 0x20
				}
				got := plainWord(binary.LittleEndian.Uint64(w))
				if got {
					require.True(t, table, "plainWord(%q) = true; the table refuses it", w)
				}
				if table && printable {
					require.True(t, got, "plainWord(%q) = false; want true", w)
				}
			}
		}
	}
}
