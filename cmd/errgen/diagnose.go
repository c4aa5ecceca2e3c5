package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/cosgo/errcatalog/gen"
	"github.com/cosgo/errcatalog/internal/diagnose"
	"github.com/cosgo/errcatalog/internal/statusrule"
)

// stdin is what errgen diagnose reads without a FILE.
var stdin io.Reader = os.Stdin

// maxPaste is the most bytes errgen diagnose reads.
const maxPaste = 1 << 20

// diagnoseCmd runs errgen diagnose [FILE]: it reads what a person pasted
// about a failed COS request (FILE, or standard input) and prints the
// report coserr.Diagnose gives for the same error: the code, its meaning
// and whether to retry; the findings; the catalog's hints; the request id
// and where to paste it in Tencent's diagnosis tool. The catalog is the
// one explain reads. It returns the exit status: 0 for a report, 1 when
// the input holds no COS error or a file cannot be read, 2 on bad usage.
func diagnoseCmd(args []string, catalogPath string, given bool, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprintln(stderr, "usage: errgen diagnose [FILE]")
		return 2
	}
	r := stdin
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			fmt.Fprintf(stderr, "errgen: %v\n", err)
			return 1
		}
		defer f.Close()
		r = f
	}
	text, err := io.ReadAll(io.LimitReader(r, maxPaste))
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	file, src, err := explainCatalog(catalogPath, given)
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	cat, err := gen.Load(file, src)
	if err != nil {
		var list gen.ErrorList
		if errors.As(err, &list) {
			fmt.Fprintln(stderr, list)
		} else {
			fmt.Fprintf(stderr, "errgen: %v\n", err)
		}
		return 1
	}
	in, ok := diagnose.ParseText(string(text))
	if !ok {
		fmt.Fprintln(stderr, "errgen: no COS error found in the input; paste an error body, an error's text or a log line that quotes one")
		return 1
	}
	facts := catalogFacts(cat, in)
	if in.Client == nil && facts.Code == "" && in.Code == "" && in.Status == 0 && in.RequestID == "" {
		fmt.Fprintf(stderr, "errgen: no COS error found in the input: %q is no message of the catalog;"+
			" paste the whole error (for minio-go, minio.ToErrorResponse(err) printed with %%+v)\n", strings.TrimSpace(in.Message))
		return 1
	}
	report := diagnose.Report{Facts: facts, Input: in, Findings: diagnose.Findings(in, facts)}
	if _, err := io.WriteString(stdout, report.String()); err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return 1
	}
	return 0
}

// catalogFacts is what the catalog says about the error in: its code,
// refined by its message as coserr refines it (ServiceError.Known), else
// the class of its status, with their hints.
func catalogFacts(cat *gen.Catalog, in *diagnose.Input) diagnose.Facts {
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
		f = diagnose.Facts{Code: k.Code, Description: k.Description, Retryable: k.Retryable, ClockSkew: k.ClockSkew}
		f.Hints = diagnose.OrderHints(hints(k.Hints), in.Message)
		class = k.Class
		if in.Status == 0 && len(k.Statuses) == 1 {
			in.Status = k.Statuses[0] // a body pasted without its status: the only one COS sends the code with
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
