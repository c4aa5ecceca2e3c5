package bench

import (
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReplayerResets: whatever a consumer did to the last response, Next
// gives back one equal to the first, field by field, body included.
func TestReplayerResets(t *testing.T) {
	cases := append(Cases(), Case{Name: "OK200", Status: 200, Header: http.Header{"Content-Length": {"2"}}, Body: []byte("ok"), Method: "GET", URL: "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a"})
	for i := range cases {
		c := &cases[i]
		t.Run(c.Name, func(t *testing.T) {
			want := snapshot(t, NewReplayer(c).Next())
			r := NewReplayer(c)
			for round := range 3 {
				resp := r.Next()
				assert.Equal(t, want, snapshot(t, resp), "round %d", round)
				scribble(t, resp)
			}
		})
	}
}

// snapshot is resp with its body read out into the returned string.
func snapshot(t *testing.T, resp *http.Response) struct {
	Resp http.Response
	Body string
} {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	s := *resp
	s.Body = nil
	return struct {
		Resp http.Response
		Body string
	}{s, string(b)}
}

// scribble sets every field of resp to a value Next does not use, so a
// field Next forgets to reset (one Go adds to http.Response, say) fails
// the comparison.
func scribble(t *testing.T, resp *http.Response) {
	t.Helper()
	v := reflect.ValueOf(resp).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("scribbled")
		case reflect.Int, reflect.Int64:
			f.SetInt(-7)
		case reflect.Bool:
			f.SetBool(!f.Bool())
		case reflect.Pointer:
			f.Set(reflect.New(f.Type().Elem()))
		case reflect.Map:
			m := reflect.MakeMap(f.Type())
			m.SetMapIndex(reflect.ValueOf("Scribbled"), reflect.ValueOf([]string{"x"}))
			f.Set(m)
		case reflect.Slice:
			f.Set(reflect.ValueOf([]string{"scribbled"}))
		case reflect.Interface:
			f.Set(reflect.ValueOf(io.NopCloser(strings.NewReader("scribbled"))))
		default:
			t.Fatalf("http.Response.%s: kind %s has no scribble", v.Type().Field(i).Name, f.Kind())
		}
	}
}
