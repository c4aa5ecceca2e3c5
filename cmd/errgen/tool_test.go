package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestToolFromUserModule runs errgen as the README tells a user to, from
// a scratch module outside the repository that imports coserr (a replace
// directive stands for the published module): without a tool line, go run
// of errgen fails; with one (what go get -tool adds: the tool line, and
// go mod tidy's go.sum entries), go tool errgen and go run both explain a
// code.
func TestToolFromUserModule(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	dir := t.TempDir()
	write := func(name, text string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	// The scratch module asks for the Go release the root module asks for.
	rootMod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	require.NoError(t, err)
	goLine := regexp.MustCompile(`(?m)^go [0-9.]+$`).Find(rootMod)
	require.NotNil(t, goLine, "the root go.mod names no Go release")
	write("go.mod", "module example.com/user\n\n"+string(goLine)+"\n\nrequire github.com/cosgo/errcatalog v0.0.0\n\nreplace github.com/cosgo/errcatalog => "+root+"\n")
	write("main.go", "package main\n\nimport (\n\t\"fmt\"\n\n\t\"github.com/cosgo/errcatalog/coserr\"\n)\n\nfunc main() { fmt.Println(coserr.NoSuchKey) }\n")
	goCmd := func(args ...string) (string, error) {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := goCmd("mod", "tidy")
	require.NoError(t, err, "%s", out)

	out, err = goCmd("run", "github.com/cosgo/errcatalog/cmd/errgen", "explain", "SlowDown")
	require.Error(t, err, "go run without a tool line: %s", out)
	assert.Contains(t, out, "missing go.sum entry")

	// go get -tool github.com/cosgo/errcatalog/cmd/errgen does these two
	// steps for a published module.
	out, err = goCmd("mod", "edit", "-tool=github.com/cosgo/errcatalog/cmd/errgen")
	require.NoError(t, err, "%s", out)
	out, err = goCmd("mod", "tidy")
	require.NoError(t, err, "%s", out)
	for _, args := range [][]string{
		{"tool", "errgen", "explain", "SlowDown"},
		{"run", "github.com/cosgo/errcatalog/cmd/errgen", "explain", "SlowDown"},
	} {
		out, err = goCmd(args...)
		require.NoError(t, err, "go %s: %s", strings.Join(args, " "), out)
		assert.True(t, strings.HasPrefix(out, "SlowDown\n"), "go %s: %s", strings.Join(args, " "), out)
		assert.Contains(t, out, "coserr.SlowDown")
	}
}
