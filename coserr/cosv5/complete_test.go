package cosv5_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/cosv5"
)

// TestWrapComplete: the SDK's error for an <Error> inside the 200 of
// Complete Multipart Upload, its body printed as numbers, gives the COS
// error of that body; with Transport, the SDK's error is a
// *cos.ErrorResponse of the response instead.
func TestWrapComplete(t *testing.T) {
	for _, withTransport := range []bool{false, true} {
		t.Run(fmt.Sprintf("Transport=%v", withTransport), func(t *testing.T) {
			srv := coserrtest.Server(t, coserrtest.Route{Method: http.MethodPost, Code: coserr.InternalError,
				Options: []coserrtest.Option{coserrtest.WithStatus(200)}})
			c, _ := newClient(t, srv.URL, 1)
			if withTransport {
				c = newTransportClient(t, srv.URL, 1)
			}
			_, _, sdkErr := c.Object.CompleteMultipartUpload(context.Background(), "big.bin", "1700000000abcdef",
				&cos.CompleteMultipartUploadOptions{Parts: []cos.Object{{PartNumber: 1, ETag: `"etag"`}}})
			require.Error(t, sdkErr)
			if withTransport {
				var er *cos.ErrorResponse
				require.ErrorAs(t, sdkErr, &er)
			} else {
				require.True(t, strings.HasPrefix(sdkErr.Error(), "response 200 OK, but body contains an error, [60 63 "), "SDK error %q", sdkErr)
			}

			for _, in := range []error{sdkErr, fmt.Errorf("upload big.bin: %w", sdkErr), errors.Join(errors.New("abort failed too"), sdkErr)} {
				err := cosv5.Wrap(in)
				var se *coserr.ServiceError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, 200, se.StatusCode)
				assert.Equal(t, "InternalError", se.Code)
				assert.Equal(t, coserr.InternalError.Description(), se.Message)
				assert.NotEmpty(t, se.RequestID)
				assert.NotEmpty(t, se.TraceID)
				assert.Equal(t, http.MethodPost, se.Method)
				assert.Contains(t, se.Origin(), "<Code>InternalError</Code>")
				assert.ErrorIs(t, err, coserr.InternalError)
				assert.True(t, coserr.IsRetryable(err))
				assert.ErrorIs(t, err, sdkErr)
			}
		})
	}
}

// TestWrapCompleteText: what is and is not such an error.
func TestWrapCompleteText(t *testing.T) {
	doc := "<Error><Code>NoSuchUpload</Code><Message>gone</Message></Error>"
	tests := []struct {
		name string
		text string
		code string // "" for a ClientError
	}{
		{"the SDK's text", fmt.Sprintf("response 200 OK, but body contains an error, %v", []byte(doc)), "NoSuchUpload"},
		{"leading white space, as COS streams it", fmt.Sprintf("response 200 OK, but body contains an error, %v", []byte("  \n"+doc)), "NoSuchUpload"},
		{"a body that is no error", fmt.Sprintf("response 200 OK, but body contains an error, %v", []byte("<CompleteMultipartUploadResult/>")), ""},
		{"an empty body: it ended before its verdict", "response 200 OK, but body contains an error, []", ""},
		{"not numbers", "response 200 OK, but body contains an error, [60 x 62]", ""},
		{"a value over 255", "response 200 OK, but body contains an error, [60 256 62]", ""},
		{"no closing bracket", "response 200 OK, but body contains an error, [60 63", ""},
		{"another error", "verification failed, want:1, return:2", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := errors.New(tt.text)
			err := cosv5.Wrap(in)
			if tt.code == "" {
				var ce *coserr.ClientError
				require.ErrorAs(t, err, &ce)
				ended := strings.HasSuffix(tt.text, "[]")
				if !ended {
					assert.Same(t, in, ce.Err)
				}
				assert.ErrorIs(t, err, in)
				assert.Equal(t, ended, coserr.IsRetryable(err), "retryable as a 200 that ended before its verdict")
				return
			}
			var se *coserr.ServiceError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.code, se.Code)
			assert.Equal(t, 200, se.StatusCode)
		})
	}
}

// TestWrapCompleteBounded: a huge printed body is read up to
// coserr.MaxBodyBytes.
func TestWrapCompleteBounded(t *testing.T) {
	doc := []byte("<Error><Code>InternalError</Code><Message>" + strings.Repeat("x", 2*coserr.MaxBodyBytes) + "</Message></Error>")
	err := cosv5.Wrap(fmt.Errorf("response 200 OK, but body contains an error, %v", doc))
	var se *coserr.ServiceError
	require.ErrorAs(t, err, &se)
	assert.Len(t, se.Body, coserr.MaxBodyBytes)
	assert.Equal(t, "InternalError", se.Code)
}

// TestWrapSelectErrorFrame: an error inside SELECT Object Content's event
// stream is the COS error it names, with the 200 of the response that
// carried the stream.
func TestWrapSelectErrorFrame(t *testing.T) {
	frame := &cos.ErrorFrame{Code: "InternalError", Message: "We encountered an internal error. Please try again."}
	err := cosv5.Wrap(fmt.Errorf("read select result: %w", frame))
	var se *coserr.ServiceError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 200, se.StatusCode)
	assert.Equal(t, "InternalError", se.Code)
	assert.Equal(t, frame.Message, se.Message)
	require.ErrorIs(t, err, coserr.InternalError)
	assert.True(t, coserr.IsRetryable(err))
	var got *cos.ErrorFrame
	require.ErrorAs(t, err, &got, "the SDK's error stays reachable")
	assert.Same(t, frame, got)
}
