package coserrtest

import (
	"context"
	"crypto/md5"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"hash"
	"hash/crc64"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// OK answers as COS answers a request that succeeds, with what each
// client checks on a success: Server tencent-cos, a request id of its own
// (see NewRequestID), a Date-shaped Last-Modified, and
//
//   - PUT Object and Upload Part: the ETag (the MD5 of the body received,
//     quoted) and x-cos-hash-crc64ecma (its CRC-64/ECMA, in decimal), which
//     cos-go-sdk-v5 compares with the body it sent;
//   - PUT Object - Copy and Upload Part - Copy (an x-cos-copy-source or
//     x-amz-copy-source header): a <CopyObjectResult> or <CopyPartResult>
//     document;
//   - Initiate Multipart Upload (POST ?uploads): an
//     <InitiateMultipartUploadResult> with an upload id;
//   - Complete Multipart Upload (POST ?uploadId=): a
//     <CompleteMultipartUploadResult>, and the object's
//     x-cos-hash-crc64ecma, combined from the parts it lists in their
//     order, when each was uploaded through OK (cos-go-sdk-v5's
//     Object.Upload compares it with the file's);
//   - DELETE: 204 No Content;
//   - GET and HEAD: an empty object, with its ETag and CRC-64.
//
// Give it as a Route's Handler for each request the test expects to
// succeed, so that "503 twice, then success" reads
//
//	coserrtest.Route{Method: http.MethodPut, Path: "/k", Code: coserr.SlowDown, Times: 2},
//	coserrtest.Route{Method: http.MethodPut, Path: "/k", Handler: coserrtest.OK},
var OK http.Handler = http.HandlerFunc(serveOK)

func serveOK(w http.ResponseWriter, r *http.Request) {
	sums, ok := r.Context().Value(sumsKey{}).(*bodySums)
	if !ok {
		sums = sumBody(r.Body, isComplete(r))
	}
	if isPart(r) {
		recordPart(r, sums)
	}
	h := w.Header()
	h.Set("Server", "tencent-cos")
	h.Set("X-Cos-Request-Id", NewRequestID())
	h.Set("Last-Modified", time.Now().UTC().Format(http.TimeFormat))
	query := r.URL.Query()
	copySource := r.Header.Get("X-Cos-Copy-Source") + r.Header.Get("X-Amz-Copy-Source")
	etag := `"` + sums.md5 + `"`
	var doc any
	switch {
	case r.Method == http.MethodPut && copySource != "" && query.Has("uploadId"):
		doc = copyResult{XMLName: xml.Name{Local: "CopyPartResult"}, ETag: etag, LastModified: time.Now().UTC().Format(time.RFC3339)}
	case r.Method == http.MethodPut && copySource != "":
		doc = copyResult{XMLName: xml.Name{Local: "CopyObjectResult"}, ETag: etag, LastModified: time.Now().UTC().Format(time.RFC3339)}
	case r.Method == http.MethodPost && query.Has("uploads"):
		doc = initiateResult{Bucket: bucketOf(r.Host), Key: strings.TrimPrefix(r.URL.Path, "/"), UploadID: NewRequestID()}
	case r.Method == http.MethodPost && query.Has("uploadId"):
		if crc, ok := completeCRC64(r, sums.complete); ok {
			h.Set("X-Cos-Hash-Crc64ecma", crc)
		}
		endUpload(r)
		doc = completeResult{Location: r.Host + r.URL.EscapedPath(), Bucket: bucketOf(r.Host),
			Key: strings.TrimPrefix(r.URL.Path, "/"), ETag: `"` + sums.md5 + `-1"`}
	case r.Method == http.MethodDelete:
		if query.Has("uploadId") {
			endUpload(r)
		}
		w.WriteHeader(http.StatusNoContent)
		return
	default:
		if r.Method != http.MethodPut {
			sums = emptySums
		}
		h.Set("ETag", etag)
		h.Set("X-Cos-Hash-Crc64ecma", sums.crc64)
		h.Set("Content-Length", "0")
		w.WriteHeader(http.StatusOK)
		return
	}
	body, _ := xml.Marshal(doc) // fixed shapes of strings: never fails
	body = append([]byte(xml.Header), body...)
	h.Set("Content-Type", "application/xml")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

type copyResult struct {
	XMLName      xml.Name
	ETag         string
	LastModified string
}

type initiateResult struct {
	XMLName  xml.Name `xml:"InitiateMultipartUploadResult"`
	Bucket   string
	Key      string
	UploadID string `xml:"UploadId"`
}

type completeResult struct {
	XMLName  xml.Name `xml:"CompleteMultipartUploadResult"`
	Location string
	Bucket   string
	Key      string
	ETag     string
}

// bucketOf is the bucket of a virtual-hosted COS host, or the host.
func bucketOf(host string) string {
	b, _, _ := strings.Cut(host, ".")
	return path.Base(b)
}

// bodySums are the MD5 (hex) and CRC-64/ECMA (decimal, and as a number)
// of a request body, its size, and the body itself for a Complete
// Multipart Upload (up to maxCompleteBody), whose parts OK reads.
type bodySums struct {
	md5, crc64 string
	crc        uint64
	size       int64
	complete   []byte
}

// sumsKey is the context key under which Server hands OK the sums of the
// body it read.
type sumsKey struct{}

var (
	crcTable  = crc64.MakeTable(crc64.ECMA)
	emptySums = sumBody(nil, false)
)

// sumBody reads r (nil for an empty body) to its end and sums it, keeping
// the first maxCompleteBody bytes when keep is set.
func sumBody(r io.Reader, keep bool) *bodySums {
	m, c := md5.New(), crc64.New(crcTable)
	var kept limitedBuffer
	var n int64
	if r != nil {
		w := io.MultiWriter(m, c)
		if keep {
			w = io.MultiWriter(m, c, &kept)
		}
		n, _ = io.Copy(w, r)
	}
	s := sums(m, c)
	s.size, s.complete = n, kept.b
	return s
}

func sums(m hash.Hash, c hash.Hash64) *bodySums {
	return &bodySums{md5: hex.EncodeToString(m.Sum(nil)), crc64: strconv.FormatUint(c.Sum64(), 10), crc: c.Sum64()}
}

// limitedBuffer keeps the first maxCompleteBody bytes written to it.
type limitedBuffer struct{ b []byte }

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := maxCompleteBody - len(l.b); room > 0 {
		l.b = append(l.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// withSums reads r's body to its end, as COS does before it answers, and
// returns r with the body's sums in its context, for OK.
func withSums(r *http.Request) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), sumsKey{}, sumBody(r.Body, isComplete(r))))
}

// requests counts the ids NewRequestID made, so that no two are equal.
var requests atomic.Uint64

// NewRequestID returns a request id shaped as COS shapes them (the
// base64 of "%08x_%08x_%x_%d": a time, random bits and a sequence
// number) and unique in the process. Server gives every response one of
// its own, as COS does.
func NewRequestID() string {
	var b [6]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	raw := fmt.Sprintf("%08x_%08x_%x_%d", uint32(time.Now().Unix()), binary.BigEndian.Uint32(b[:4]),
		binary.BigEndian.Uint16(b[4:]), requests.Add(1))
	return base64.StdEncoding.EncodeToString([]byte(raw))
}

// NewTraceID returns a trace id shaped as COS shapes them: the base64 of
// 128 hex digits, random.
func NewTraceID() string {
	var b [64]byte
	_, _ = rand.Read(b[:])
	return base64.StdEncoding.EncodeToString([]byte(hex.EncodeToString(b[:])))
}
