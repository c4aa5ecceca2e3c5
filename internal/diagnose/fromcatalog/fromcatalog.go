// Package fromcatalog diagnoses a pasted COS error with the facts of a
// loaded catalog (package gen), as coserr.Diagnose does with the facts
// generated into package coserr: errgen diagnose uses it, and a test
// holds the two reports equal.
package fromcatalog

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/cosgo/errcatalog/gen"
	"github.com/cosgo/errcatalog/internal/diagnose"
	"github.com/cosgo/errcatalog/internal/statusrule"
)

// ErrNoError is returned by Report for a text that holds no COS error.
var ErrNoError = errors.New("no COS error found in the input; paste an error body, an error's text or a log line that quotes one")

// Report reads text as diagnose.ParseText does and returns the report
// coserr.Diagnose gives for the same error, with the facts of cat. For a
// bare message that is no message of the catalog (minio-go's error text
// is only the message), the error says to paste the whole error.
func Report(cat *gen.Catalog, text string) (string, error) {
	in, ok := diagnose.ParseText(text)
	if !ok {
		return "", ErrNoError
	}
	facts := Facts(cat, in)
	if in.Client == nil && facts.Code == "" && in.Code == "" && in.Status == 0 && in.RequestID == "" {
		if diagnose.IsRequestID(in.Message) {
			return "", errors.New("the input is a COS request id alone: it names the request, not the error; Tencent's diagnosis tool, " +
				diagnose.ToolURL + ", looks it up (or paste the whole error here)")
		}
		return "", errors.New("no COS error found in the input: " + strconvQuote(diagnose.Scrub(strings.TrimSpace(in.Message))) +
			" is no message of the catalog; paste the whole error (for minio-go, minio.ToErrorResponse(err) printed with %#v)")
	}
	r := diagnose.Report{Facts: facts, Input: in, Findings: diagnose.Findings(in, facts)}
	return r.String(), nil
}

// Facts is what the catalog says about the error in: its code,
// refined by its message as coserr refines it (ServiceError.Known), else
// the class of its status, with their hints.
func Facts(cat *gen.Catalog, in *diagnose.Input) diagnose.Facts {
	if in.Client != nil {
		return diagnose.Facts{}
	}
	k := findCode(cat, in.Code)
	if r := refinedCode(cat, in.Code, in.Message); r != nil {
		k = r
	}
	if k == nil && in.Code == "" {
		k = codeByMessage(cat, in.Message)
	}
	var f diagnose.Facts
	class := statusrule.Class(in.Status)
	if k != nil {
		f = diagnose.Facts{Code: k.Code, Description: k.Description, Retryable: k.Retryable, ClockSkew: k.ClockSkew, Checks: k.Checks}
		f.Hints = diagnose.OrderHints(hints(k.Hints), in.Message)
		class = k.Class
		if in.Status == 0 && len(k.Statuses) == 1 {
			if !in.StatusUnknown {
				in.Status = k.Statuses[0] // a body pasted without its status: the only one COS sends the code with
			}
		}
	} else {
		f.Retryable = statusrule.Retryable(in.Status)
	}
	for _, c := range cat.Classes {
		if c.Name == class {
			f.Class, f.ClassText = c.Name, c.Description
			if k == nil {
				f.Hints = hints(c.Hints)
			}
		}
	}
	return f
}

// findCode is the code of the catalog spelled name on the wire, or one of
// its aliases; nil when there is none.
func findCode(cat *gen.Catalog, name string) *gen.Code {
	if name == "" {
		return nil
	}
	for _, k := range cat.Codes {
		if k.Code == name || slices.Contains(k.Aliases, name) {
			return k
		}
	}
	return nil
}

// refinedCode is the code COS sends as code with this message (sent_as),
// compared after trimming white space, as coserr compares it.
func refinedCode(cat *gen.Catalog, code, message string) *gen.Code {
	m := strings.TrimSpace(message)
	for _, k := range cat.Codes {
		for _, s := range k.SentAs {
			if s.Code == code && s.Message == m {
				return k
			}
		}
	}
	return nil
}

// codeByMessage is the code a bare message stands for (minio-go's error
// text is only the message): a sent_as message, a hint's message, or a
// code's description, compared without case or a final period.
func codeByMessage(cat *gen.Catalog, message string) *gen.Code {
	m := normMessage(message)
	if m == "" {
		return nil
	}
	for _, k := range cat.Codes {
		for _, s := range k.SentAs {
			if normMessage(s.Message) == m {
				return k
			}
		}
	}
	for _, k := range cat.Codes {
		for _, h := range k.Hints {
			if h.Message != "" && normMessage(h.Message) == m {
				return k
			}
		}
	}
	for _, k := range cat.Codes {
		if normMessage(k.Description) == m {
			return k
		}
	}
	return nil
}

// normMessage is a message compared without surrounding space, a final
// period or case.
func normMessage(s string) string {
	return strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), "."))
}

// hints are the catalog's hints as the report shows them.
func hints(hs []gen.Hint) []diagnose.Hint {
	out := make([]diagnose.Hint, 0, len(hs))
	for _, h := range hs {
		out = append(out, diagnose.Hint{Cause: h.Cause, Fix: h.Fix, Message: h.Message})
	}
	return out
}

// strconvQuote quotes s as Go would, at most 200 bytes of it.
func strconvQuote(s string) string {
	if len(s) > 200 {
		s = s[:200]
	}
	return strconv.Quote(s)
}
