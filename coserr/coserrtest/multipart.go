package coserrtest

import (
	"encoding/xml"
	"net/http"
	"strconv"
	"sync"
)

// maxCompleteBody is the most of a Complete Multipart Upload request's
// body OK keeps to read the parts it lists.
const maxCompleteBody = 1 << 20

// partSum is what OK keeps of an uploaded part: its CRC-64/ECMA and size.
type partSum struct {
	crc  uint64
	size int64
}

// uploadedParts holds the parts uploaded through OK of each open upload,
// by uploadKey and part number, so that Complete Multipart Upload can
// answer the object's CRC-64 as COS does. Complete and Abort Multipart
// Upload end the upload and drop its parts.
var uploadedParts = struct {
	mu sync.Mutex
	m  map[string]map[string]partSum
}{m: map[string]map[string]partSum{}}

// uploadKey names an upload on the server at host: upload ids a test
// makes up ("up1") do not meet across servers.
func uploadKey(host, uploadID string) string {
	return host + "\x00" + uploadID
}

// isComplete reports whether r is a Complete Multipart Upload request.
func isComplete(r *http.Request) bool {
	return r.Method == http.MethodPost && r.URL.Query().Has("uploadId")
}

// isPart reports whether r is an Upload Part (not a copy) request.
func isPart(r *http.Request) bool {
	q := r.URL.Query()
	return r.Method == http.MethodPut && q.Has("uploadId") && q.Has("partNumber") &&
		r.Header.Get("X-Cos-Copy-Source")+r.Header.Get("X-Amz-Copy-Source") == ""
}

// recordPart keeps the sums of the part r uploads.
func recordPart(r *http.Request, s *bodySums) {
	q := r.URL.Query()
	key := uploadKey(r.Host, q.Get("uploadId"))
	uploadedParts.mu.Lock()
	defer uploadedParts.mu.Unlock()
	parts := uploadedParts.m[key]
	if parts == nil {
		parts = map[string]partSum{}
		uploadedParts.m[key] = parts
	}
	parts[q.Get("partNumber")] = partSum{crc: s.crc, size: s.size}
}

// endUpload drops the parts of the upload that r, a Complete or Abort
// Multipart Upload request, ends.
func endUpload(r *http.Request) {
	uploadedParts.mu.Lock()
	delete(uploadedParts.m, uploadKey(r.Host, r.URL.Query().Get("uploadId")))
	uploadedParts.mu.Unlock()
}

// completeCRC64 is the CRC-64/ECMA of the object that the Complete
// Multipart Upload request r, whose body is body, assembles, in decimal;
// ok is false when a part it lists was not uploaded through OK or the
// body lists none.
func completeCRC64(r *http.Request, body []byte) (crc string, ok bool) {
	var doc struct {
		Parts []struct{ PartNumber string } `xml:"Part"`
	}
	if xml.Unmarshal(body, &doc) != nil || len(doc.Parts) == 0 {
		return "", false
	}
	uploadedParts.mu.Lock()
	defer uploadedParts.mu.Unlock()
	parts := uploadedParts.m[uploadKey(r.Host, r.URL.Query().Get("uploadId"))]
	var sum uint64
	for i, p := range doc.Parts {
		ps, found := parts[p.PartNumber]
		if !found {
			return "", false
		}
		if i == 0 {
			sum = ps.crc
		} else {
			sum = crc64Combine(sum, ps.crc, ps.size)
		}
	}
	return strconv.FormatUint(sum, 10), true
}

// crc64Combine returns the CRC-64/ECMA of a+b from crc1 (of a), crc2 (of
// b) and b's length, as zlib's crc32_combine does for CRC-32.
func crc64Combine(crc1, crc2 uint64, len2 int64) uint64 {
	if len2 <= 0 {
		return crc1 ^ crc2
	}
	var even, odd [64]uint64
	odd[0] = 0xC96C5795D7870F42 // ECMA-182, reflected
	row := uint64(1)
	for n := 1; n < 64; n++ {
		odd[n] = row
		row <<= 1
	}
	gf2Square(&even, &odd) // two zero bits
	gf2Square(&odd, &even) // four zero bits
	for {
		gf2Square(&even, &odd) // then one zero byte, two, four, ...
		if len2&1 != 0 {
			crc1 = gf2Times(&even, crc1)
		}
		if len2 >>= 1; len2 == 0 {
			break
		}
		gf2Square(&odd, &even)
		if len2&1 != 0 {
			crc1 = gf2Times(&odd, crc1)
		}
		if len2 >>= 1; len2 == 0 {
			break
		}
	}
	return crc1 ^ crc2
}

func gf2Times(mat *[64]uint64, vec uint64) uint64 {
	var sum uint64
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
	}
	return sum
}

func gf2Square(square, mat *[64]uint64) {
	for n := range 64 {
		square[n] = gf2Times(mat, mat[n])
	}
}
