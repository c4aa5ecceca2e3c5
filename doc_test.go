package errcatalog_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cosgo/errcatalog"
)

// TestCatalogYAML checks that the embedded catalog is catalog.yaml and
// that each call returns a copy of its own.
func TestCatalogYAML(t *testing.T) {
	want, err := os.ReadFile("catalog.yaml")
	require.NoError(t, err)
	got := errcatalog.CatalogYAML()
	assert.Equal(t, string(want), string(got))
	got[0] ^= 0xff
	assert.Equal(t, string(want), string(errcatalog.CatalogYAML()), "changing one copy changed the next")
}
