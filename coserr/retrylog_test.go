package coserr_test

import (
	"bytes"
	"fmt"
	"log"
	"net/url"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cosgo/errcatalog/coserr"
)

// presignedURL is a presigned COS URL whose secrets are presignSecrets.
func presignedURL() *url.URL {
	u, _ := url.Parse("https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a.jpg?" + presignedQueries["cos"])
	return u
}

// TestRedactLogger: what go-retryablehttp logs of each attempt, the URL
// as it prints it and the transport error that quotes it, shows no secret
// through RedactLogger, and stays otherwise as written.
func TestRedactLogger(t *testing.T) {
	u := presignedURL()
	ue := &url.Error{Op: "Get", URL: u.String(), Err: syscall.ECONNREFUSED}
	var buf bytes.Buffer
	l := coserr.RedactLogger(log.New(&buf, "", 0))
	l.Printf("[DEBUG] %s %s", "GET", u)
	l.Printf("[ERR] %s %s request failed: %v", "GET", u.String(), ue)
	l.Printf("[DEBUG] %s: retrying in %s (%d left)", "GET "+u.String(), "1s", 2)
	l.Printf("[DEBUG] plain line %d", 7)
	assertNoSecrets(t, []string{buf.String()})
	assert.Contains(t, buf.String(), "[DEBUG] GET https://b-1250000000.cos.ap-guangzhou.myqcloud.com/a.jpg?q-sign-algorithm=sha1&q-ak=REDACTED")
	assert.Contains(t, buf.String(), "[DEBUG] plain line 7\n")
}

// leveled records what a go-retryablehttp LeveledLogger is given.
type leveled struct{ lines []string }

func (l *leveled) log(level, msg string, kv ...any) {
	l.lines = append(l.lines, fmt.Sprint(append([]any{level, msg}, kv...)...))
}
func (l *leveled) Error(msg string, kv ...any) { l.log("ERROR", msg, kv...) }
func (l *leveled) Info(msg string, kv ...any)  { l.log("INFO", msg, kv...) }
func (l *leveled) Debug(msg string, kv ...any) { l.log("DEBUG", msg, kv...) }
func (l *leveled) Warn(msg string, kv ...any)  { l.log("WARN", msg, kv...) }

// TestRedactLeveledLogger: the same for a LeveledLogger, whose values are
// strings, URLs and errors.
func TestRedactLeveledLogger(t *testing.T) {
	u := presignedURL()
	ue := &url.Error{Op: "Get", URL: u.String(), Err: syscall.ECONNREFUSED}
	rec := &leveled{}
	l := coserr.RedactLeveledLogger(rec)
	l.Debug("performing request", "method", "GET", "url", u.String())
	l.Error("request failed", "error", ue, "method", "GET", "url", u)
	l.Info("x", "n", 1)
	l.Warn("y")
	assertNoSecrets(t, rec.lines)
	assert.Len(t, rec.lines, 4)
	assert.Contains(t, rec.lines[2], "n")
}
