package miniov7

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUnpadded: the white space before the root element goes, and between
// the declaration and the root; every other byte stays, however the reads
// split the body.
func TestUnpadded(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"spaces before the root", "   \r\n\t<R> a </R> ", "<R> a </R> "},
		{"declaration, spaces, root", "  <?xml version=\"1.0\"?>  \n <R>x</R>", "<?xml version=\"1.0\"?><R>x</R>"},
		{"a '>' inside the declaration", "<?xml a='>'?> <R/>", "<?xml a='>'?><R/>"},
		{"white space inside the root stays", "<R>\n  <E> </E>\n</R>", "<R>\n  <E> </E>\n</R>"},
		{"no markup: the first other byte and all after it stay", "  {\"a\": 1} ", "{\"a\": 1} "},
		{"only white space", "     ", ""},
		{"empty", "", ""},
	}
	readers := map[string]func(io.Reader) io.Reader{
		"whole":    func(r io.Reader) io.Reader { return r },
		"one byte": iotest.OneByteReader,
		"halves":   iotest.HalfReader,
	}
	for _, tt := range tests {
		for rn, wrap := range readers {
			t.Run(tt.name+"/"+rn, func(t *testing.T) {
				u := &unpadded{body: io.NopCloser(wrap(strings.NewReader(tt.in)))}
				got, err := io.ReadAll(u)
				require.NoError(t, err)
				assert.Equal(t, tt.want, string(got))
			})
		}
	}
}
