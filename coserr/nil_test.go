package coserr_test

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// nilWalkWant is what every exported method returns on a nil receiver and
// on a zero value, by type and method name; a slog.Value is compared by
// its String. A method missing here fails TestNilAndZeroReceivers, so a
// new method cannot go untested.
var nilWalkWant = map[string]map[string]struct{ nilRecv, zero []any }{
	"*coserr.Code": {
		"Name":        {[]any{""}, []any{""}},
		"Status":      {[]any{0}, []any{0}},
		"Statuses":    {[]any{[]int(nil)}, []any{[]int(nil)}},
		"Aliases":     {[]any{[]string(nil)}, []any{[]string(nil)}},
		"Class":       {[]any{(*coserr.Class)(nil)}, []any{(*coserr.Class)(nil)}},
		"Retryable":   {[]any{false}, []any{false}},
		"Description": {[]any{""}, []any{""}},
		"Hints":       {[]any{[]coserr.Hint(nil)}, []any{[]coserr.Hint(nil)}},
		"Error":       {[]any{"cos: <nil code>"}, []any{"cos: "}},
		"Is":          {[]any{false}, []any{false}},
	},
	"*coserr.Class": {
		"Name":        {[]any{""}, []any{""}},
		"Description": {[]any{""}, []any{""}},
		"Hints":       {[]any{[]coserr.Hint(nil)}, []any{[]coserr.Hint(nil)}},
		"Error":       {[]any{"cos: <nil class>"}, []any{"cos: class "}},
	},
	"*coserr.ServiceError": {
		"Error":       {[]any{"cos: <nil>"}, []any{"cos: 0"}},
		"Is":          {[]any{false}, []any{false}},
		"Unwrap":      {[]any{nil}, []any{nil}},
		"Known":       {[]any{(*coserr.Code)(nil)}, []any{(*coserr.Code)(nil)}},
		"Class":       {[]any{(*coserr.Class)(nil)}, []any{(*coserr.Class)(nil)}},
		"Retryable":   {[]any{false}, []any{false}},
		"Digest":      {[]any{map[string]string(nil)}, []any{map[string]string{"Status": "0"}}},
		"Origin":      {[]any{""}, []any{""}},
		"LogValue":    {[]any{"[]"}, []any{"[status=0]"}},
		"FromCOS":     {[]any{false}, []any{false}},
		"ServerTime":  {[]any{time.Time{}, false}, []any{time.Time{}, false}},
		"MarshalJSON": {[]any{[]byte("null"), nil}, []any{[]byte(`{"StatusCode":0,"Code":"","Message":"","Resource":"","RequestID":"","TraceID":"","Method":"","URL":"","Body":null,"Header":null,"Err":null}`), nil}},
		"GoString":    {[]any{"(*coserr.ServiceError)(nil)"}, []any{`&coserr.ServiceError{StatusCode:0, Code:"", Message:"", Resource:"", RequestID:"", TraceID:"", Method:"", URL:"", Body:[]byte(nil), Header:http.Header(nil), Err:error(nil)}`}},
	},
	"*coserr.ClientError": {
		"Error":       {[]any{"cos: <nil>"}, []any{"cos: client error"}},
		"Unwrap":      {[]any{nil}, []any{nil}},
		"Timeout":     {[]any{false}, []any{false}},
		"Retryable":   {[]any{false}, []any{false}},
		"LogValue":    {[]any{"[]"}, []any{"[timeout=false retryable=false]"}},
		"MarshalJSON": {[]any{[]byte("null"), nil}, []any{[]byte(`{"Op":"","URL":"","Err":null}`), nil}},
		"GoString":    {[]any{"(*coserr.ClientError)(nil)"}, []any{`&coserr.ClientError{Op:"", URL:"", Err:error(nil)}`}},
	},
}

// callWithZeroArgs calls method m of recv with the zero value of every
// parameter and returns the results as plain values.
func callWithZeroArgs(recv reflect.Value, m reflect.Method) []any {
	in := []reflect.Value{recv}
	for i := 1; i < m.Type.NumIn(); i++ {
		in = append(in, reflect.Zero(m.Type.In(i)))
	}
	var out []any
	for _, v := range m.Func.Call(in) {
		r := v.Interface()
		if sv, ok := r.(slog.Value); ok {
			r = sv.Resolve().String()
		}
		out = append(out, r)
	}
	return out
}

// TestNilAndZeroReceivers walks every exported method of the exported
// types by reflection and calls it on a nil receiver and on a zero value.
func TestNilAndZeroReceivers(t *testing.T) {
	types := []reflect.Type{
		reflect.TypeFor[*coserr.Code](),
		reflect.TypeFor[*coserr.Class](),
		reflect.TypeFor[*coserr.ServiceError](),
		reflect.TypeFor[*coserr.ClientError](),
	}
	for _, typ := range types {
		want, ok := nilWalkWant[typ.String()]
		require.True(t, ok, "no table for %v", typ)
		var seen []string
		for i := range typ.NumMethod() {
			m := typ.Method(i)
			seen = append(seen, m.Name)
			t.Run(typ.String()+"."+m.Name, func(t *testing.T) {
				w, ok := want[m.Name]
				require.True(t, ok, "%v.%s is not in nilWalkWant: add what it returns on nil and zero receivers", typ, m.Name)
				var gotNil, gotZero []any
				require.NotPanics(t, func() { gotNil = callWithZeroArgs(reflect.Zero(typ), m) }, "nil receiver")
				require.NotPanics(t, func() { gotZero = callWithZeroArgs(reflect.New(typ.Elem()), m) }, "zero value")
				assert.Equal(t, w.nilRecv, gotNil, "(%v)(nil).%s() = %v; want %v", typ, m.Name, gotNil, w.nilRecv)
				assert.Equal(t, w.zero, gotZero, "new(%v).%s() = %v; want %v", typ.Elem(), m.Name, gotZero, w.zero)
			})
		}
		for name := range want {
			assert.True(t, slices.Contains(seen, name), "nilWalkWant lists %v.%s, which does not exist", typ, name)
		}
	}
}

// TestNilInterfaces: nil errors of these types inside an error interface
// print, compare and log without panicking.
func TestNilInterfaces(t *testing.T) {
	for _, err := range []error{(*coserr.ServiceError)(nil), (*coserr.ClientError)(nil), (*coserr.Code)(nil), (*coserr.Class)(nil)} {
		t.Run(fmt.Sprintf("%T", err), func(t *testing.T) {
			require.NotPanics(t, func() {
				_ = fmt.Sprintf("%v %+v %s %q", err, err, err, err)
				_ = fmt.Errorf("wrap: %w", err).Error()
				_ = coserr.IsRetryable(err)
				_ = coserr.IsRetryable(fmt.Errorf("wrap: %w", err))
				_, _ = coserr.RetryAfter(err)
				_ = coserr.FromTransport(nil, err)
			})
			assert.False(t, coserr.IsRetryable(err))
		})
	}
	assert.Error(t, coserr.FromResponse(nil), "no response is no success")
	assert.Nil(t, coserr.FromTransport(nil, nil))
	assert.Nil(t, coserr.Lookup(""))
}

// TestAliases walks every alias of the catalog: it matches its code's
// sentinel, and Code keeps the wire spelling.
func TestAliases(t *testing.T) {
	n := 0
	for _, c := range coserr.Codes() {
		for _, alias := range c.Aliases() {
			n++
			t.Run(alias, func(t *testing.T) {
				body := []byte("<Error><Code>" + alias + "</Code></Error>")
				fromBoth(t, c.Status(), nil, body, func(t *testing.T, se *coserr.ServiceError) {
					assert.Equal(t, alias, se.Code)
					assert.Same(t, c, se.Known())
					require.ErrorIs(t, fmt.Errorf("wrapped: %w", se), c)
					require.ErrorIs(t, se, c.Class())
					assert.Equal(t, c.Retryable(), se.Retryable())
					assert.Contains(t, se.Error(), " "+alias)
				})
			})
		}
	}
	require.NotZero(t, n, "no code of the catalog has an alias")
	se := coserr.Parse(500, nil, []byte("<Error><Code>InternalErrror</Code></Error>")).(*coserr.ServiceError)
	require.ErrorIs(t, se, coserr.InternalError)
	assert.Equal(t, "InternalErrror", se.Code)
}

// TestCodeSentinels: a *Code is an error of its own, in its class and
// mapped onto io/fs as its class is.
func TestCodeSentinels(t *testing.T) {
	for _, c := range coserr.Codes() {
		t.Run(c.Name(), func(t *testing.T) {
			assert.Same(t, c, coserr.Lookup(c.Name()))
			assert.Equal(t, "cos: "+c.Name(), c.Error())
			require.ErrorIs(t, fmt.Errorf("x: %w", c), c.Class())
			assert.Equal(t, c.Class() == coserr.ErrNotFound, errors.Is(c, fs.ErrNotExist))
			assert.Equal(t, c.Class() == coserr.ErrAccessDenied, errors.Is(c, fs.ErrPermission))
			assert.Equal(t, c.Retryable(), coserr.IsRetryable(fmt.Errorf("x: %w", c)))
			if sts := c.Statuses(); len(sts) > 0 {
				assert.Equal(t, sts[0], c.Status())
			} else {
				assert.Zero(t, c.Status(), "no documented status")
			}
		})
	}
}
