// Package bench measures coserr.FromResponse side by side with the error
// paths Go programs use for COS today, on the same COS error responses:
//
//   - coserr.FromResponse;
//   - cos-go-sdk-v5 v0.7.70, whose unexported checkResponse (error.go) is
//     reproduced here line for line as COSv5CheckResponse, filling the
//     SDK's real cos.ErrorResponse;
//   - aws-sdk-go-v2 v1.48.0, as its generated REST-XML deserializers use
//     aws/protocol/xml.GetErrorResponseComponents (AWSRestXMLError).
//
// It is a module of its own, so the root module never depends on the
// peers. The benchmarks are in bench_test.go; README.md has the command
// and the results.
package bench
