package crossclient_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRootModuleGraph: the root module, which a program importing coserr
// requires, requires no SDK and no HTTP library, so it raises none of a
// program's versions of them.
func TestRootModuleGraph(t *testing.T) {
	cmd := exec.Command("go", "mod", "graph")
	cmd.Dir = "../../.."
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	var reqs []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if from, to, ok := strings.Cut(line, " "); ok && from == "github.com/cosgo/errcatalog" {
			reqs = append(reqs, to)
		}
	}
	require.NotEmpty(t, reqs)
	for _, r := range reqs {
		for _, banned := range []string{
			"github.com/aws/", "github.com/minio/", "github.com/tencentyun/",
			"github.com/hashicorp/", "github.com/cenkalti/", "golang.org/x/net@",
		} {
			assert.False(t, strings.HasPrefix(r, banned), "the root module requires %s", r)
		}
	}
}
