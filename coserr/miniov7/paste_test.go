package miniov7_test

import (
	"encoding/xml"
	"fmt"
	"os"
	"regexp"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/gen"
	"github.com/cosgo/errcatalog/internal/diagnose/fromcatalog"
)

// errgen diagnose, given minio-go's bare message, asks for the whole error
// printed with a verb: that verb, applied to what minio.ToErrorResponse
// returns, prints a text errgen reads the code and status of (%v and %+v
// print the message alone, as ErrorResponse is an error).
func TestPasteAdvice(t *testing.T) {
	src, err := os.ReadFile("../../catalog.yaml")
	require.NoError(t, err)
	cat, err := gen.Load("catalog.yaml", src)
	require.NoError(t, err)
	_, err = fromcatalog.Report(cat, "Please reduce your request rate.")
	require.Error(t, err)
	m := regexp.MustCompile(`printed with (%[#+]?v)`).FindStringSubmatch(err.Error())
	require.NotNil(t, m, "the advice names a verb: %v", err)
	// as minio-go decodes COS's <Error> body: XMLName is the root's
	var e error = minio.ErrorResponse{XMLName: xml.Name{Local: "Error"}, Code: "SlowDown", Message: "Please reduce your request rate.", BucketName: "examplebucket-1250000000",
		Key: "a.txt", RequestID: "NjU1ZjA2ZjBf", StatusCode: 503, Server: "tencent-cos"}
	report, err := fromcatalog.Report(cat, fmt.Sprintf(m[1], minio.ToErrorResponse(e)))
	require.NoError(t, err, "errgen diagnose of the text the advice gives")
	assert.Contains(t, report, "SlowDown [HTTP 503, class Throttled]")
	assert.Contains(t, report, "Request id: NjU1ZjA2ZjBf")
}
