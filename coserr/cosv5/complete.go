package cosv5

import (
	"net/http"
	"strings"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/internal/adapter"
)

// completePrefix starts the text of the SDK's error for a Complete
// Multipart Upload whose 200 carries no result: the body follows, printed
// with %v as a list of byte values, "[60 63 120 ...]".
const completePrefix = "response 200 OK, but body contains an error, ["

// completeError returns the error of the 200 of a Complete Multipart
// Upload, when err or an error it wraps is the SDK's error for one: the
// ServiceError of its <Error> document; for a body of white space only,
// the ClientError coserr.FromResponse makes of a 200 that ended before
// its verdict. Otherwise nil.
func completeError(err error) error {
	body, ok := completeBody(err)
	if !ok {
		return nil
	}
	if len(body) == 0 {
		// The SDK lists the body's bytes one number each: none of them.
		return adapter.NoVerdict(true, err, "cos-go-sdk-v5: "+strings.TrimSuffix(completePrefix, ", [")+", white space only")
	}
	se, ok := coserr.Parse(http.StatusOK, nil, body).(*coserr.ServiceError)
	if !ok {
		return nil
	}
	se.Method = http.MethodPost
	se.Err = cause(err)
	return se
}

// completeBody finds the SDK's error for a Complete Multipart Upload in
// e's tree, depth first as errors.As searches (errors.Join included), and
// returns the body its text holds.
func completeBody(e error) (body []byte, ok bool) {
	if e == nil {
		return nil, false
	}
	if list, found := strings.CutPrefix(text(e), completePrefix); found {
		return byteList(list)
	}
	switch u := e.(type) {
	case interface{ Unwrap() error }:
		return completeBody(u.Unwrap())
	case interface{ Unwrap() []error }:
		for _, c := range u.Unwrap() {
			if body, ok := completeBody(c); ok {
				return body, true
			}
		}
	}
	return nil, false
}

// text is e's Error, or "" when Error panics, as the SDK's
// (*cos.ErrorResponse).Error does on a response without a request.
func text(e error) (s string) {
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	return e.Error()
}

// byteList reads "60 63 120]", the rest of a []byte printed with %v, up to
// coserr.MaxBodyBytes values; ok is false when it is not such a list.
// White space between markup before the root element (the padding COS
// sends while Complete Multipart Upload works) is left out and not
// counted, as coserr.FromResponse leaves it out.
func byteList(s string) (body []byte, ok bool) {
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return nil, false
	}
	s = s[:end]
	body = make([]byte, 0, min(len(s)/3+1, coserr.MaxBodyBytes))
	root := false // the root element has begun
	for len(s) > 0 && len(body) < coserr.MaxBodyBytes {
		var field string
		field, s, _ = strings.Cut(s, " ")
		n := 0
		if field == "" || len(field) > 3 {
			return nil, false
		}
		for _, c := range []byte(field) {
			if c < '0' || c > '9' {
				return nil, false
			}
			n = n*10 + int(c-'0')
		}
		if n > 255 {
			return nil, false
		}
		if c := byte(n); !root && (c == ' ' || c == '\t' || c == '\r' || c == '\n') && (len(body) == 0 || body[len(body)-1] == '>') {
			continue // padding
		}
		root = root || len(body) > 0 && body[len(body)-1] == '<' && n != '?' && n != '!'
		body = append(body, byte(n))
	}
	return body, true
}
