package gen

// Names only the tests use.

// Header is the first line of the generated Go file.
const Header = header

// The renderers Generate calls.
var (
	RenderGo       = renderGo
	RenderMarkdown = renderMarkdown
)
