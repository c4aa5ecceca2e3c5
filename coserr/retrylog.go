package coserr

import (
	"fmt"
	"net/url"

	"github.com/cosgo/errcatalog/coserr/internal/redact"
)

// A Printfer logs with Printf, as *log.Logger does and as
// go-retryablehttp's Logger interface asks.
type Printfer interface {
	Printf(format string, v ...any)
}

// A LeveledLogger is go-retryablehttp's LeveledLogger interface: a
// message and key-value pairs at four levels.
type LeveledLogger interface {
	Error(msg string, keysAndValues ...any)
	Info(msg string, keysAndValues ...any)
	Debug(msg string, keysAndValues ...any)
	Warn(msg string, keysAndValues ...any)
}

// RedactLogger returns a logger for go-retryablehttp's Client.Logger
// that writes through l with every secret redacted. go-retryablehttp
// logs each attempt's URL and each transport error, which quotes the URL,
// and redacts only a password: a presigned URL's q-signature, q-ak and
// x-cos-security-token would reach the log as they are. Each line is
// formatted, then redacted as error text is (see ClientError.Error).
//
//	client := retryablehttp.NewClient()
//	client.Logger = coserr.RedactLogger(log.Default())
func RedactLogger(l Printfer) Printfer { return redactPrintf{l} }

type redactPrintf struct{ l Printfer }

func (r redactPrintf) Printf(format string, v ...any) {
	r.l.Printf("%s", redact.Text(fmt.Sprintf(format, v...)))
}

// RedactLeveledLogger is RedactLogger for a LeveledLogger: the message,
// and each value that is a string, a *url.URL, an error or a
// fmt.Stringer, are redacted; other values are passed on as they are.
func RedactLeveledLogger(l LeveledLogger) LeveledLogger { return redactLeveled{l} }

type redactLeveled struct{ l LeveledLogger }

func (r redactLeveled) Error(msg string, kv ...any) { r.l.Error(redact.Text(msg), redactValues(kv)...) }
func (r redactLeveled) Info(msg string, kv ...any)  { r.l.Info(redact.Text(msg), redactValues(kv)...) }
func (r redactLeveled) Debug(msg string, kv ...any) { r.l.Debug(redact.Text(msg), redactValues(kv)...) }
func (r redactLeveled) Warn(msg string, kv ...any)  { r.l.Warn(redact.Text(msg), redactValues(kv)...) }

// redactValues returns kv with each value that can show a secret as its
// redacted text.
func redactValues(kv []any) []any {
	out := make([]any, len(kv))
	for i, v := range kv {
		switch v := v.(type) {
		case string:
			out[i] = redact.Text(v)
		case *url.URL:
			out[i] = redact.URL(v)
		case error:
			msg, _ := errorText(v)
			out[i] = redact.Text(msg)
		case fmt.Stringer:
			out[i] = redact.Text(stringText(v))
		default:
			out[i] = v
		}
	}
	return out
}

// stringText is v.String(), or "" when that panics, as the String method
// of a typed nil pointer often does.
func stringText(v fmt.Stringer) (s string) {
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	return v.String()
}
