package bench

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	awsxml "github.com/aws/aws-sdk-go-v2/aws/protocol/xml"
	"github.com/aws/smithy-go"
	cos "github.com/tencentyun/cos-go-sdk-v5"
)

// cosJSONError is cos-go-sdk-v5's unexported jsonError (error.go, v0.7.70).
type cosJSONError struct {
	Code      int    `json:"code,omitempty"`
	Message   string `json:"message,omitempty"`
	RequestID string `json:"request_id,omitempty"`
}

// COSv5CheckResponse is cos-go-sdk-v5 v0.7.70's checkResponse (error.go),
// the path every SDK call takes to turn a response into an error, copied
// statement for statement; only ioutil.ReadAll is spelled io.ReadAll, which
// it calls.
func COSv5CheckResponse(r *http.Response) error {
	if c := r.StatusCode; 200 <= c && c <= 299 {
		return nil
	}
	errorResponse := &cos.ErrorResponse{Response: r}
	data, err := io.ReadAll(r.Body)
	if err == nil && data != nil {
		xml.Unmarshal(data, errorResponse) //nolint:errcheck // as the SDK does
	}
	// 是否为 json 格式
	if errorResponse.Code == "" {
		ctype := strings.TrimLeft(r.Header.Get("Content-Type"), " ")
		if strings.HasPrefix(ctype, "application/json") {
			var jerror cosJSONError
			json.Unmarshal(data, &jerror) //nolint:errcheck // as the SDK does
			errorResponse.Code = strconv.Itoa(jerror.Code)
			errorResponse.Message = jerror.Message
			errorResponse.RequestID = jerror.RequestID
		}

	}
	return errorResponse
}

// AWSRestXMLError is the error path of aws-sdk-go-v2's generated REST-XML
// deserializers (awsRestxml_deserializeOpError...): copy the body into a
// buffer, read it with GetErrorResponseComponents (noErrorWrapping, the S3
// shape COS uses: <Error><Code>...), and return a smithy.GenericAPIError.
// The request id goes where the SDK puts it, into the operation's
// metadata; here it is returned beside the error.
func AWSRestXMLError(r *http.Response) (requestID string, err error) {
	if c := r.StatusCode; 200 <= c && c <= 299 {
		return "", nil
	}
	var errorBuffer bytes.Buffer
	if _, err := io.Copy(&errorBuffer, r.Body); err != nil {
		return "", &smithy.DeserializationError{Err: fmt.Errorf("failed to copy error response body, %w", err)}
	}
	errorBody := bytes.NewReader(errorBuffer.Bytes())

	errorCode := "UnknownError"
	errorMessage := errorCode

	errorComponents, err := awsxml.GetErrorResponseComponents(errorBody, true)
	if err != nil {
		return "", err
	}
	if len(errorComponents.Code) != 0 {
		errorCode = errorComponents.Code
	}
	if len(errorComponents.Message) != 0 {
		errorMessage = errorComponents.Message
	}
	_, _ = errorBody.Seek(0, io.SeekStart)
	return errorComponents.RequestID, &smithy.GenericAPIError{Code: errorCode, Message: errorMessage}
}
