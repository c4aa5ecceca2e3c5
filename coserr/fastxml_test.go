package coserr

import (
	"encoding/binary"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unsafe"

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

// fxGeneralJSON is what the general JSON path makes of body.
func fxGeneralJSON(body []byte) fields {
	return fieldsOf(jsonChildren(body))
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

// fxCheckJSON is fxCheckXML for JSON.
func fxCheckJSON(t testing.TB, body []byte) bool {
	t.Helper()
	return fxCheck(t, "parseJSONFast", parseJSONFast, fxGeneralJSON(body), body)
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

// fxJSONBodies are real-shaped JSON error bodies the fast path must read.
var fxJSONBodies = map[string]string{
	"fetch task numeric code": `{"code":404,"message":"fetch task not found","request_id":"NjBhZjEyZmFfOGQ0ZjI0MGFfNmNlMF8xYjdiZDg="}`,
	"string code":             `{"code":"NoSuchKey","message":"The specified key does not exist.","request_id":"NjBhZjEy"}`,
	"spaced":                  "{\n  \"code\" : 400 ,\n  \"message\" : \"bad\" ,\n  \"request_id\" : \"r\"\n}\n",
	"capitalised":             `{"Code":"SlowDown","Message":"Please reduce your request rate.","RequestId":"r","TraceId":"t","Resource":"b/k"}`,
	"empty object":            `{}`,
	"literals":                `{"code":null,"message":true,"resource":false,"request_id":-1.5e+3,"trace_id":0}`,
	"both spellings":          `{"code":"lower","Code":"upper","error_code":"snake","message":"m1","Message":"m2"}`,
	"duplicate keys":          `{"code":"first","code":"second","message":"a","message":""}`,
	"unicode":                 `{"code":"NoSuchKey","message":"对象不存在 ✓ ` + "\U0001F600" + `"}`,
	"unrelated members":       `{"status":"failed","count":3,"ok":false,"code":"C","x":null}`,
}

// fxJSONMutations turns a JSON body into variants the fast path must read
// exactly or refuse.
func fxJSONMutations(body string) map[string]string {
	m := map[string]string{}
	replace := func(name, old, new string) {
		if strings.Contains(body, old) {
			m[name] = strings.Replace(body, old, new, 1)
		}
	}
	for _, key := range []string{`"code":`, `"message":`, `"request_id":`, `"Code":`, `"Message":`} {
		replace(key+" escape", key+`"`, key+`"a\"b\\c\n\u00e9\ud83d\ude00`)
		replace(key+" lone surrogate escape", key+`"`, key+`"\ud800`)
		replace(key+" invalid UTF-8", key+`"`, key+"\"a\xffb")
		replace(key+" surrogate UTF-8", key+`"`, key+"\"\xed\xa0\x80")
		replace(key+" U+FFFD", key+`"`, key+"\"\uFFFD")
		replace(key+" control", key+`"`, key+"\"a\x01b")
		replace(key+" tab", key+`"`, key+"\"a\tb")
		replace(key+" object", key, key+`{"x":1},"y":`)
		replace(key+" array", key, key+`[1,{"a":"b"}],"y":`)
		replace(key+" empty string", key, key+`"",`+key)
		for _, num := range []string{"0", "-0", "01", "1.", ".5", "1e", "1e+", "-", "+1", "1.5E-07", "123456789012345678901234567890", "0x1F", "NaN", "Infinity", "tru", "nul", "truex"} {
			replace(key+" number "+num, key, key+num+",\"z\":")
		}
		replace(key+" escaped key", key, strings.Replace(key, `e`, `\u0065`, 1))
		replace(key+" key case", key, strings.ToUpper(key))
	}
	replace("Response object", "{", `{"Response":{"Error":{"Code":"Nested"}},`)
	replace("Error string", "{", `{"Error":"not an object",`)
	m["byte order mark"] = "\xef\xbb\xbf" + body
	m["trailing garbage"] = body + "x"
	m["trailing object"] = body + "{}"
	m["trailing space"] = body + " \t\r\n"
	m["missing close"] = strings.TrimSuffix(strings.TrimSpace(body), "}")
	m["trailing comma"] = strings.TrimSuffix(strings.TrimSpace(body), "}") + ",}"
	m["single quotes"] = strings.ReplaceAll(body, `"`, `'`)
	m["top-level array"] = "[" + body + "]"
	return m
}

func TestFastJSONAgreesWithGeneral(t *testing.T) {
	for name, body := range fxJSONBodies {
		t.Run(name, func(t *testing.T) {
			require.True(t, fxCheckJSON(t, []byte(body)), "parseJSONFast(%q) refused a common JSON body", body)
		})
		for mname, mutated := range fxJSONMutations(body) {
			t.Run(name+"/"+mname, func(t *testing.T) {
				fxCheckJSON(t, []byte(mutated))
			})
		}
		t.Run(name+"/truncated", func(t *testing.T) {
			for i := range len(body) {
				fxCheckJSON(t, []byte(body[:i]))
			}
		})
	}
}

// TestFastFieldsShareOneString: the fast paths copy the fields out of the
// body (the caller may reuse it) in one allocation.
func TestFastFieldsShareOneString(t *testing.T) {
	for name, body := range map[string]string{
		"xml":  fxXMLBodies["BucketAlreadyExists 409"],
		"json": fxJSONBodies["capitalised"],
	} {
		t.Run(name, func(t *testing.T) {
			b := []byte(body)
			want := parseBody(b)
			allocs := testing.AllocsPerRun(100, func() { parseBody(b) })
			assert.Equal(t, 1.0, allocs, "parseBody(%q) allocates %v times; want 1", body, allocs)
			for i := range b {
				b[i] = 'x'
			}
			assert.NotContains(t, fmt.Sprint(want), "xxx", "fields of %q changed with the body", body)
		})
	}
}

// TestFastReusesKnownStrings: a code in the catalog (or an alias) and ids
// the headers repeat are those very strings, not copies; what is left is
// copied once; a header that differs is not taken.
func TestFastReusesKnownStrings(t *testing.T) {
	reqID, traceID := "NjQ5ZjE0NjZfMzk4MjA4MDlfMjc0YjZf", "OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBi"
	same := http.Header{"X-Cos-Request-Id": {reqID}, "X-Ci-Trace-Id": {traceID}}
	for _, c := range []struct {
		name, body string
		header     http.Header
		code       string // the catalog string the code must be, or "" for a copy
		ids        bool   // whether the ids must be the header's strings
		allocs     float64
	}{
		{"xml, everything known", "<Error><Code>NoSuchBucket</Code><RequestId>" + reqID + "</RequestId><TraceId> " + traceID + "\n</TraceId></Error>", same, NoSuchBucket.name, true, 0},
		{"xml, alias", "<Error><Code>InternalErrror</Code><Message>m</Message></Error>", nil, InternalError.aliases[0], false, 1},
		{"xml, message and resource copied", "<Error><Code>NoSuchKey</Code><Message>m</Message><Resource>r</Resource><RequestId>" + reqID + "</RequestId><TraceId>" + traceID + "</TraceId></Error>", same, NoSuchKey.name, true, 1},
		{"xml, other ids in the header", "<Error><Code>Unknown1</Code><RequestId>a</RequestId><TraceId>b</TraceId></Error>", same, "", false, 1},
		{"json", `{"code":"SlowDown","request_id":"` + reqID + `","trace_id":"` + traceID + `"}`, same, SlowDown.name, true, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			body := []byte(c.body)
			want := parseBody(body)
			got := parseBodyIn(body, c.header)
			require.Equal(t, want, got, "parseBodyIn(%q) and parseBody differ", c.body)
			if c.code != "" {
				assert.Same(t, unsafe.StringData(c.code), unsafe.StringData(got.code), "code %q is a copy; want the catalog's string", got.code)
			}
			if c.ids {
				assert.Same(t, unsafe.StringData(reqID), unsafe.StringData(got.requestID), "request id is a copy; want the header's string")
				assert.Same(t, unsafe.StringData(traceID), unsafe.StringData(got.traceID), "trace id is a copy; want the header's string")
			} else if got.requestID != "" {
				assert.NotSame(t, unsafe.StringData(reqID), unsafe.StringData(got.requestID), "request id %q is the header's, which differs", got.requestID)
			}
			allocs := testing.AllocsPerRun(100, func() { parseBodyIn(body, c.header) })
			assert.Equal(t, c.allocs, allocs, "parseBodyIn(%q) allocates %v times; want %v", c.body, allocs, c.allocs)
		})
	}
}

// FuzzFastXML feeds the fast XML and JSON paths anything: whenever one
// answers, it must agree with the general path, and neither may panic.
func FuzzFastXML(f *testing.F) {
	for _, body := range fxXMLBodies {
		f.Add([]byte(body))
	}
	for _, body := range fxJSONBodies {
		f.Add([]byte(body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		fxCheckXML(t, body)
		fxCheckJSON(t, body)
		parseBody(body)
	})
}
