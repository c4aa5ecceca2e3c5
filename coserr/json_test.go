package coserr

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The JSON half of the differential tests of xml_test.go.

// fxGeneralJSON is what the general JSON path makes of body.
func fxGeneralJSON(body []byte) fields {
	return fieldsOf(jsonChildren(body))
}

// fxCheckJSON is fxCheckXML for JSON.
func fxCheckJSON(t testing.TB, body []byte) bool {
	t.Helper()
	return fxCheck(t, "parseJSONFast", parseJSONFast, fxGeneralJSON(body), body)
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
