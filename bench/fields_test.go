package bench

import (
	"errors"
	"io"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	cos "github.com/tencentyun/cos-go-sdk-v5"

	"github.com/cosgo/errcatalog/coserr"
)

// TestSameAnswers: on every case the peers are measured on, coserr finds
// everything the SDKs find (so the benchmarks compare equal work), plus
// what they miss; and the body stays readable after coserr.
func TestSameAnswers(t *testing.T) {
	cases := Cases()
	for i := range cases {
		c := &cases[i]
		t.Run(c.Name, func(t *testing.T) {
			r := NewReplayer(c)
			var ce *cos.ErrorResponse
			require.ErrorAs(t, COSv5CheckResponse(r.Next()), &ce)
			awsRequestID, awsErr := AWSRestXMLError(r.Next())
			var ae *smithy.GenericAPIError
			require.ErrorAs(t, awsErr, &ae)
			resp := r.Next()
			var se *coserr.ServiceError
			require.ErrorAs(t, coserr.FromResponse(resp), &se)

			assert.Equal(t, c.Status, se.StatusCode)
			assert.Equal(t, c.Method, se.Method)
			assert.Equal(t, c.URL, se.URL)
			assert.Equal(t, string(c.Body), string(se.Body))
			assert.NotEmpty(t, se.RequestID, "RequestID")
			assert.NotEmpty(t, se.TraceID, "TraceID")
			if c.Body != nil {
				assert.NotEmpty(t, se.Code, "Code")
				assert.NotEmpty(t, se.Message, "Message")
			}
			for _, f := range []struct{ name, sdk, ours string }{
				{"Code", ce.Code, se.Code},
				{"Message", ce.Message, se.Message},
				{"Resource", ce.Resource, se.Resource},
				{"RequestID", ce.RequestID, se.RequestID},
				{"TraceID", ce.TraceID, se.TraceID},
			} {
				if f.sdk != "" {
					assert.Equal(t, f.sdk, f.ours, "%s: cos-go-sdk-v5 has %q, coserr %q", f.name, f.sdk, f.ours)
				}
			}
			if ae.Code != "UnknownError" {
				assert.Equal(t, ae.Code, se.Code, "aws-sdk-go-v2 Code")
				assert.Equal(t, ae.Message, se.Message, "aws-sdk-go-v2 Message")
				assert.Equal(t, awsRequestID, se.RequestID, "aws-sdk-go-v2 RequestID")
			}

			got, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.Equal(t, string(c.Body), string(got), "resp.Body after FromResponse")
		})
	}
}

// TestSDKsAsMeasured pins what the reproduced SDK paths make of the cases,
// so a change in them shows.
func TestSDKsAsMeasured(t *testing.T) {
	cases := Cases()
	want := map[string][2]string{ // cos-go-sdk-v5 Code, aws-sdk-go-v2 Code
		"NoSuchBucket404":          {"NoSuchBucket", "NoSuchBucket"},
		"NoSuchBucket404Chunked":   {"NoSuchBucket", "NoSuchBucket"},
		"SignatureDoesNotMatch403": {"SignatureDoesNotMatch", "SignatureDoesNotMatch"},
		"JSON404":                  {"404", "UnknownError"},
		"Head404":                  {"", "UnknownError"},
	}
	for i := range cases {
		c := &cases[i]
		t.Run(c.Name, func(t *testing.T) {
			w, ok := want[c.Name]
			require.True(t, ok, "no expectation for %s", c.Name)
			r := NewReplayer(c)
			var ce *cos.ErrorResponse
			require.True(t, errors.As(COSv5CheckResponse(r.Next()), &ce))
			assert.Equal(t, w[0], ce.Code, "cos-go-sdk-v5")
			_, awsErr := AWSRestXMLError(r.Next())
			var ae *smithy.GenericAPIError
			require.True(t, errors.As(awsErr, &ae))
			assert.Equal(t, w[1], ae.Code, "aws-sdk-go-v2")
		})
	}
}
