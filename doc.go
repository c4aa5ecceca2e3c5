// Package errcatalog is the root of the errcatalog module: typed Go errors
// for Tencent Cloud COS, generated from catalog.yaml.
//
// The module holds:
//
//   - catalog.yaml, every COS error code with its HTTP statuses, class,
//     retryability, families, sources and description: the single source
//     of truth;
//   - package gen and command errgen (cmd/errgen), which validate the
//     catalog and generate coserr/codes_gen.go and docs/codes.md from it;
//   - package coserr, the runtime: FromResponse, Parse, FromTransport,
//     ServiceError, ClientError, IsRetryable and one sentinel per code.
//
// Regenerate after editing the catalog with
//
//	go generate ./...
package errcatalog

import (
	"bytes"
	_ "embed"
)

//go:generate go run ./cmd/errgen

//go:embed catalog.yaml
var catalogYAML []byte

// CatalogYAML returns the content of catalog.yaml as the module was built
// with it, so that a program can read the catalog without the file: errgen
// explain falls back to it outside the module's directory. The slice is a
// copy; changing it changes nothing else.
func CatalogYAML() []byte { return bytes.Clone(catalogYAML) }
