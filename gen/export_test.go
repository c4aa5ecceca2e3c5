package gen

import "slices"

// Names only the tests use.

// Limits of Load.
const (
	MaxCatalogBytes = maxCatalogBytes
	MaxNodes        = maxNodes
	MaxDepth        = maxDepth
	MinStatus       = minStatus
	MaxStatus       = maxStatus
)

// Header is the first line of the generated Go file.
const Header = header

// The renderers Generate calls, and the suggestions of an unknown query.
var (
	RenderGo       = renderGo
	RenderMarkdown = renderMarkdown
	Suggest        = suggest
)

// UnknownError is the error Explain returns for a query naming nothing.
type UnknownError = unknownError

// LoadReserved is Load with another list of the Go names coserr declares.
func LoadReserved(file string, src []byte, reserved []string) (*Catalog, error) {
	return load(file, src, reserved)
}

// Reserved returns the Go names coserr declares by hand. The slice is a copy.
func Reserved() []string { return slices.Clone(reserved) }

// The keys each kind of mapping may have, in the order the catalog writes
// them. The slices are copies.
func RootKeys() []string   { return slices.Clone(rootKeys) }
func FamilyKeys() []string { return slices.Clone(familyKeys) }
func SourceKeys() []string { return slices.Clone(sourceKeys) }
func ClassKeys() []string  { return slices.Clone(classKeys) }
func CodeKeys() []string   { return slices.Clone(codeKeys) }
func SentAsKeys() []string { return slices.Clone(sentAsKeys) }
