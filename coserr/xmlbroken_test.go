package coserr_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// TestParseMalformedXML: an <Error> document that breaks XML's rules
// inside one element (bytes of another charset, a control character, a
// bare '&' or an entity XML does not define, as a proxy or a key echoed
// unescaped gives) keeps the fields around that element, the request id
// after it included, rather than dropping everything from there on.
func TestParseMalformedXML(t *testing.T) {
	tests := []struct {
		name, body, code, message string
	}{
		{"GBK message", "<Error><Code>InvalidArgument</Code><Message>\xd6\xd0\xce\xc4</Message><RequestId>rid</RequestId></Error>", "InvalidArgument", "\ufffd\ufffd\ufffd\ufffd"},
		{"GBK declared", "<?xml version=\"1.0\" encoding=\"GBK\"?><Error><Code>InvalidArgument</Code><Message>\xd6\xd0</Message><RequestId>rid</RequestId></Error>", "InvalidArgument", "\ufffd\ufffd"},
		{"NUL in the message", "<Error><Code>InvalidArgument</Code><Message>a\x00b</Message><RequestId>rid</RequestId></Error>", "InvalidArgument", "a\ufffdb"},
		{"escape character in a key", "<Error><Code>NoSuchKey</Code><Message>no such key</Message><Key>a\x1bb</Key><RequestId>rid</RequestId></Error>", "NoSuchKey", "no such key"},
		{"bare ampersand", "<Error><Code>InvalidArgument</Code><Message>a & b</Message><RequestId>rid</RequestId></Error>", "InvalidArgument", "a & b"},
		{"undefined entity", "<Error><Code>InvalidArgument</Code><Message>a &nbsp; b</Message><RequestId>rid</RequestId></Error>", "InvalidArgument", "a &nbsp; b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, status := range []int{400, 200} {
				var se *coserr.ServiceError
				require.ErrorAs(t, coserr.Parse(status, http.Header{}, []byte(tt.body)), &se)
				assert.Equal(t, tt.code, se.Code)
				assert.Equal(t, tt.message, se.Message)
				assert.Equal(t, "rid", se.RequestID, "the request id after the broken element")
				assert.Equal(t, "rid", se.Digest()["RequestId"])
			}
		})
	}
}
