package errcatalog_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/internal/diagnose/fromcatalog"
)

// Same error, same report: coserr.Diagnose, reading the error, and errgen
// diagnose (fromcatalog.Report), reading what a person pastes of it, say
// the same thing, for every code of the catalog and every message that
// refines one.
func TestDiagnoseSameReport(t *testing.T) {
	cat := loadCatalog(t)
	type input struct {
		status        int
		code, message string
	}
	var inputs []input
	for _, k := range cat.Codes {
		status := 400
		if len(k.Statuses) > 0 {
			status = k.Statuses[0]
		}
		inputs = append(inputs, input{status, k.Code, k.Description})
		for _, s := range k.SentAs {
			inputs = append(inputs, input{status, s.Code, s.Message})
		}
	}
	inputs = append(inputs, input{404, "", ""}, input{503, "NoSuchThing", "an unknown code"})
	for _, in := range inputs {
		t.Run(fmt.Sprintf("%d %s %s", in.status, in.code, in.message), func(t *testing.T) {
			body := "<Error><Code>" + in.code + "</Code><Message>" + in.message + "</Message><RequestId>NjA3OGY4NGFf</RequestId></Error>"
			err := coserr.Parse(in.status, nil, []byte(body))
			require.Error(t, err)
			want := coserr.Diagnose(err, nil).String()
			got, rerr := fromcatalog.Report(cat, err.Error())
			require.NoError(t, rerr)
			assert.Equal(t, want, got, "errgen diagnose of %q", err.Error())
		})
	}
}

// The public SignatureDoesNotMatch body gives the same report pasted as
// it is as read by coserr.
func TestDiagnoseSameReportBody(t *testing.T) {
	cat := loadCatalog(t)
	body, err := os.ReadFile("coserr/testdata/signaturedoesnotmatch.xml")
	require.NoError(t, err)
	got, rerr := fromcatalog.Report(cat, string(body))
	require.NoError(t, rerr)
	assert.Equal(t, coserr.Diagnose(coserr.Parse(403, nil, body), nil).String(), got)
}
