package coserrtest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// partEntries counts the parts OK keeps.
func partEntries() int {
	uploadedParts.mu.Lock()
	defer uploadedParts.mu.Unlock()
	n := 0
	for _, parts := range uploadedParts.m {
		n += len(parts)
	}
	return n
}

// TestOKForgetsFinishedUploads: OK keeps an uploaded part's sums only
// while its upload is open: Complete Multipart Upload and Abort Multipart
// Upload end the upload, as on COS, so a test that runs many uploads
// through OK holds no memory per finished upload.
func TestOKForgetsFinishedUploads(t *testing.T) {
	const uploads = 500
	for _, end := range []string{"complete", "abort"} {
		t.Run(end, func(t *testing.T) {
			before := partEntries()
			for i := range uploads {
				id := fmt.Sprintf("leak-%s-%d", end, i)
				for p := 1; p <= 2; p++ {
					r := httptest.NewRequest(http.MethodPut, fmt.Sprintf("/k?uploadId=%s&partNumber=%d", id, p), strings.NewReader("part"))
					OK.ServeHTTP(httptest.NewRecorder(), r)
				}
				var r *http.Request
				if end == "complete" {
					r = httptest.NewRequest(http.MethodPost, "/k?uploadId="+id, strings.NewReader(
						"<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part><Part><PartNumber>2</PartNumber></Part></CompleteMultipartUpload>"))
				} else {
					r = httptest.NewRequest(http.MethodDelete, "/k?uploadId="+id, nil)
				}
				w := httptest.NewRecorder()
				OK.ServeHTTP(w, r)
				if end == "complete" {
					assert.NotEmpty(t, w.Header().Get("X-Cos-Hash-Crc64ecma"), "upload %d", i)
				}
			}
			assert.Equal(t, before, partEntries(), "entries left after %d finished uploads", uploads)
		})
	}
}
