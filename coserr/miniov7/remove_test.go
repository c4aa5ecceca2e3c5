package miniov7_test

import (
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog/coserr"
	"github.com/cosgo/errcatalog/coserr/coserrtest"
	"github.com/cosgo/errcatalog/coserr/miniov7"
)

// TestWrapRemoveObjectsEntry: an <Error> entry of a Delete Multiple
// Objects result, which minio's RemoveObjects returns per key with only
// the code and the message, is COS's answer for that key: a
// *coserr.ServiceError of that code, status 200 (the status of the
// response that carried it), matched with errors.Is by its code and
// class and retryable as its code says; never a *coserr.ClientError, as
// if the request had failed below HTTP.
func TestWrapRemoveObjectsEntry(t *testing.T) {
	srv := coserrtest.Server(t, coserrtest.Route{Method: http.MethodPost, Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		_, _ = io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n<DeleteResult><Deleted><Key>a</Key></Deleted>"+
			"<Error><Key>b</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"+
			"<Error><Key>c</Key><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error></DeleteResult>")
	})})
	client, _ := newClient(t, srv.URL, false)
	objects := make(chan minio.ObjectInfo, 3)
	for _, k := range []string{"a", "b", "c"} {
		objects <- minio.ObjectInfo{Key: k}
	}
	close(objects)
	got := map[string]error{}
	for r := range client.RemoveObjects(context.Background(), bucket, objects, minio.RemoveObjectsOptions{}) {
		got[r.ObjectName] = miniov7.Wrap(r.Err)
	}
	require.Len(t, got, 2)
	for key, want := range map[string]*coserr.Code{"b": coserr.AccessDenied, "c": coserr.InternalError} {
		err := got[key]
		var se *coserr.ServiceError
		require.ErrorAs(t, err, &se, "%s: %v", key, err)
		assert.Equal(t, http.StatusOK, se.StatusCode)
		assert.Equal(t, want.Name(), se.Code)
		assert.NotEmpty(t, se.Message)
		assert.ErrorIs(t, err, want)
		assert.ErrorIs(t, err, want.Class())
		assert.Equal(t, want.Retryable(), coserr.IsRetryable(err))
		var er minio.ErrorResponse
		assert.ErrorAs(t, err, &er, "minio's error stays inside")
	}
}

// TestWrapMadeBeforeSending: the errors minio makes when it checks a
// call's arguments, before sending anything, are *coserr.ClientError, as
// the doc says, not a 400 that COS never sent.
func TestWrapMadeBeforeSending(t *testing.T) {
	client, count := newClient(t, coserrtest.Server(t).URL, false)
	ctx := context.Background()
	_, err := client.StatObject(ctx, bucket, "", minio.StatObjectOptions{})
	require.Error(t, err)
	_, err2 := client.Client.GetObject(ctx, "a", "k", minio.GetObjectOptions{}) // a bucket name is 3 bytes or more
	require.Error(t, err2)
	for _, e := range []error{err, err2} {
		var ce *coserr.ClientError
		assert.ErrorAs(t, miniov7.Wrap(e), &ce, "%v", e)
		assert.False(t, coserr.IsRetryable(miniov7.Wrap(e)))
	}
	assert.Zero(t, count.N.Load(), "requests sent")
}
