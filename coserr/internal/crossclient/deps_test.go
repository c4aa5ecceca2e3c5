package crossclient_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNoSDKInCoserr: a program that imports only coserr (or coserrtest)
// compiles the standard library and coserr's own packages, no SDK; each
// adapter compiles its own SDK and no other.
func TestNoSDKInCoserr(t *testing.T) {
	const mod = "github.com/cosgo/errcatalog/"
	sdks := map[string]string{
		"cos-go-sdk-v5": "github.com/tencentyun/", "aws-sdk-go-v2": "github.com/aws/", "minio-go": "github.com/minio/minio-go",
	}
	tests := []struct {
		pkg string
		sdk string // the one SDK it may import; "" for none, nor anything outside the module
	}{
		{"coserr", ""},
		{"coserr/coserrtest", ""},
		{"coserr/cosv5", "cos-go-sdk-v5"},
		{"coserr/awsv2", "aws-sdk-go-v2"},
		{"coserr/miniov7", "minio-go"},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", mod+tt.pkg).CombinedOutput()
			require.NoError(t, err, "%s", out)
			deps := strings.Fields(string(out))
			require.Contains(t, deps, mod+tt.pkg)
			for _, dep := range deps {
				if tt.sdk == "" {
					assert.True(t, strings.HasPrefix(dep, mod), "%s imports %s", tt.pkg, dep)
				}
				for name, prefix := range sdks {
					if name != tt.sdk {
						assert.False(t, strings.HasPrefix(dep, prefix), "%s imports %s", tt.pkg, dep)
					}
				}
				assert.NotContains(t, dep, "testify")
			}
			if tt.sdk != "" {
				assert.True(t, strings.Contains(string(out), sdks[tt.sdk]), "%s imports no %s", tt.pkg, tt.sdk)
			}
		})
	}
}
