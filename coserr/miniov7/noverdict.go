package miniov7

import (
	"strings"

	"github.com/minio/minio-go/v7"

	"github.com/cosgo/errcatalog/coserr/internal/adapter"
)

// noVerdict is the error of er, a 2xx in which minio searched for an
// <Error> and found no XML, its status line standing in for the code;
// orig is what Wrap was given. minio's message is the body (trimmed, cut
// at 1 KiB), or the status line when the body held only white space: the
// body then ended before its verdict.
func noVerdict(er minio.ErrorResponse, orig error) error {
	msg := strings.TrimSpace(er.Message)
	ended := msg == "" || msg == strings.TrimSpace(er.Code)
	return adapter.NoVerdict(ended, orig, "minio-go: "+orig.Error())
}
