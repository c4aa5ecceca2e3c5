// Package crossclient holds only tests: one table of COS answers, each
// sent to every Go client of COS that package coserr serves (net/http,
// cos-go-sdk-v5, aws-sdk-go-v2, minio-go), each through its adapter, with
// the proof that every client gives the same error for the same answer;
// and the check that coserr itself compiles no SDK.
package crossclient
