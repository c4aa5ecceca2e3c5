package coserr_test

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
)

func TestStatusFallback(t *testing.T) {
	tests := []struct {
		status    int
		class     *coserr.Class
		retryable bool
	}{
		{300, coserr.ErrRedirect, false},
		{301, coserr.ErrRedirect, false},
		{302, coserr.ErrRedirect, false},
		{304, coserr.ErrPreconditionFailed, false},
		{307, coserr.ErrRedirect, false},
		{399, coserr.ErrRedirect, false},
		{400, coserr.ErrBadRequest, false},
		{401, coserr.ErrUnauthenticated, false},
		{403, coserr.ErrAccessDenied, false},
		{404, coserr.ErrNotFound, false},
		{405, coserr.ErrBadRequest, false},
		{408, coserr.ErrBadRequest, true},
		{409, coserr.ErrConflict, false},
		{410, coserr.ErrBadRequest, false},
		{412, coserr.ErrPreconditionFailed, false},
		{413, coserr.ErrBadRequest, false},
		{429, coserr.ErrThrottled, true},
		{499, coserr.ErrBadRequest, false},
		{500, coserr.ErrServer, true},
		{501, coserr.ErrServer, false},
		{502, coserr.ErrServer, true},
		{503, coserr.ErrServer, true},
		{504, coserr.ErrServer, true},
		{599, coserr.ErrServer, true},
	}
	for _, tt := range tests {
		for _, code := range []string{"", "NoSuchThingAtAll"} {
			t.Run(fmt.Sprintf("%d %q", tt.status, code), func(t *testing.T) {
				header := http.Header{}
				if code != "" {
					header.Set("X-Cos-Error-Code", code)
				}
				fromBoth(t, tt.status, header, nil, func(t *testing.T, se *coserr.ServiceError) {
					assert.Equal(t, code, se.Code)
					assert.Nil(t, se.Known())
					assert.Same(t, tt.class, se.Class(), "Class() = %v; want %v", se.Class(), tt.class)
					assert.Equal(t, tt.retryable, se.Retryable())
					assert.Equal(t, tt.retryable, coserr.IsRetryable(se))
					for _, other := range []*coserr.Class{coserr.ErrRedirect, coserr.ErrBadRequest, coserr.ErrUnauthenticated,
						coserr.ErrAccessDenied, coserr.ErrNotFound, coserr.ErrConflict, coserr.ErrPreconditionFailed,
						coserr.ErrThrottled, coserr.ErrServer} {
						assert.Equal(t, other == tt.class, errors.Is(se, other), "errors.Is(%d, %v)", tt.status, other)
					}
				})
			})
		}
	}
}

// TestCodeBeatsStatus: a known code decides class and retryability, not
// the status it came with.
func TestCodeBeatsStatus(t *testing.T) {
	tests := []struct {
		code      string
		status    int
		class     *coserr.Class
		retryable bool
	}{
		{"NoSuchKey", 500, coserr.ErrNotFound, false},
		{"SlowDown", 400, coserr.ErrThrottled, true},
		{"NotImplemented", 501, coserr.ErrServer, false},
		{"InternalError", 404, coserr.ErrServer, true},
		{"RequestTimeout", 400, coserr.ErrBadRequest, true},
		{"UserNetworkTooSlow", 400, coserr.ErrBadRequest, false},
		{"TooManyJobs", 500, coserr.ErrBadRequest, false},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			body := []byte("<Error><Code>" + tt.code + "</Code></Error>")
			fromBoth(t, tt.status, nil, body, func(t *testing.T, se *coserr.ServiceError) {
				assert.Same(t, tt.class, se.Class(), "Class() = %v; want %v", se.Class(), tt.class)
				assert.Equal(t, tt.retryable, se.Retryable())
				assert.Equal(t, tt.retryable, coserr.IsRetryable(fmt.Errorf("op: %w", se)))
			})
		})
	}
}

func TestWrapping(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		is       []error
		isNot    []error
		wantCode string
	}{
		{
			name:     "not found",
			err:      coserr.Parse(404, nil, loadSampleBody(t, "nosuchkey.xml")),
			is:       []error{coserr.NoSuchKey, coserr.ErrNotFound, fs.ErrNotExist},
			isNot:    []error{coserr.NoSuchBucket, coserr.ErrAccessDenied, fs.ErrPermission, fs.ErrExist},
			wantCode: "NoSuchKey",
		},
		{
			name:     "access denied",
			err:      coserr.Parse(403, nil, []byte("<Error><Code>AccessDenied</Code></Error>")),
			is:       []error{coserr.AccessDenied, coserr.ErrAccessDenied, fs.ErrPermission},
			isNot:    []error{fs.ErrNotExist, coserr.ErrNotFound, coserr.ErrUnauthenticated},
			wantCode: "AccessDenied",
		},
		{
			name:  "bare head 404",
			err:   coserr.Parse(404, nil, nil),
			is:    []error{coserr.ErrNotFound, fs.ErrNotExist},
			isNot: []error{coserr.NoSuchKey, fs.ErrPermission},
		},
		{
			name:  "bare head 403",
			err:   coserr.Parse(403, nil, nil),
			is:    []error{coserr.ErrAccessDenied, fs.ErrPermission},
			isNot: []error{fs.ErrNotExist, coserr.AccessDenied},
		},
		{
			name:     "signature",
			err:      coserr.Parse(403, nil, loadSampleBody(t, "signaturedoesnotmatch.xml")),
			is:       []error{coserr.SignatureDoesNotMatch, coserr.ErrUnauthenticated},
			isNot:    []error{fs.ErrPermission, fs.ErrNotExist, coserr.ErrAccessDenied},
			wantCode: "SignatureDoesNotMatch",
		},
	}
	for _, tt := range tests {
		wrappers := map[string]func(error) error{
			"bare":     func(err error) error { return err },
			"%w":       func(err error) error { return fmt.Errorf("get photo.jpg: %w", err) },
			"%w twice": func(err error) error { return fmt.Errorf("sync: %w", fmt.Errorf("get: %w", err)) },
			"join":     func(err error) error { return errors.Join(io.EOF, err) },
		}
		for wname, wrap := range wrappers {
			t.Run(tt.name+"/"+wname, func(t *testing.T) {
				err := wrap(tt.err)
				for _, target := range tt.is {
					assert.ErrorIs(t, err, target)
				}
				for _, target := range tt.isNot {
					assert.NotErrorIs(t, err, target)
				}
				var se *coserr.ServiceError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, tt.wantCode, se.Code)
			})
		}
	}
}
