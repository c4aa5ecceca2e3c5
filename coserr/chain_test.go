package coserr_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

// chainURL is a presigned URL whose secrets must never be shown.
const chainURL = "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/report.csv?" +
	"q-sign-algorithm=sha1&q-ak=AKIDchainSecretId&q-sign-time=1700000000%3B1700003600" +
	"&q-signature=chainsignature0123456789abcdef&x-cos-security-token=chainSessionToken"

var chainSecrets = []string{"AKIDchainSecretId", "chainsignature0123456789abcdef", "chainSessionToken"}

// chain is every error reachable from err through Unwrap() error and
// Unwrap() []error, err first.
func chain(err error) []error {
	if err == nil {
		return nil
	}
	all := []error{err}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		all = append(all, chain(u.Unwrap())...)
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			all = append(all, chain(e)...)
		}
	}
	return all
}

func TestEveryErrorInTheChainIsRedacted(t *testing.T) {
	req, err := http.NewRequest(http.MethodGet, chainURL, nil)
	require.NoError(t, err)
	reset := &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}
	urlErr := func(cause error) *url.Error { return &url.Error{Op: "Get", URL: chainURL, Err: cause} }
	tests := []struct {
		name string
		req  *http.Request
		err  error
		is   error // still matches
	}{
		{"reset, with the request", req, urlErr(reset), syscall.ECONNRESET},
		{"reset, without the request", nil, urlErr(reset), syscall.ECONNRESET},
		{"canceled", req, urlErr(context.Canceled), context.Canceled},
		{"deadline", nil, urlErr(context.DeadlineExceeded), context.DeadlineExceeded},
		{"wrapped by fmt.Errorf", req, fmt.Errorf("get report: %w", urlErr(reset)), syscall.ECONNRESET},
		{"joined", nil, errors.Join(errors.New("first"), urlErr(context.Canceled)), context.Canceled},
		{"a cause that quotes the URL", req, urlErr(fmt.Errorf("redirect to %s: %w", chainURL, syscall.ECONNREFUSED)), syscall.ECONNREFUSED},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := coserr.FromTransport(tt.req, tt.err)
			all := chain(err)
			require.Greater(t, len(all), 2, "the chain of %v", err)
			for i, e := range all {
				for _, s := range chainSecrets {
					assert.NotContains(t, e.Error(), s, "error %d of the chain (%T)", i, e)
				}
			}
			var ue *url.Error
			require.ErrorAs(t, err, &ue)
			for _, s := range chainSecrets {
				assert.NotContains(t, ue.URL, s)
				assert.NotContains(t, ue.Error(), s)
			}
			assert.Contains(t, ue.URL, "/report.csv?", "the path stays")
			assert.ErrorIs(t, err, tt.is)
			if errors.Is(tt.err, syscall.ECONNRESET) {
				var op *net.OpError
				require.ErrorAs(t, err, &op)
				assert.Same(t, reset, op)
			}
			assert.Equal(t, coserr.IsRetryable(tt.err), coserr.IsRetryable(err))
		})
	}
}
