package gen

import "slices"

// RootKeys returns the keys a catalog's top-level mapping may have, in
// the order the catalog writes them. The slice is a copy.
func RootKeys() []string { return slices.Clone(rootKeys) }

// ClassKeys returns the keys an entry of the classes section may have, in
// the order the catalog writes them. The slice is a copy.
func ClassKeys() []string { return slices.Clone(classKeys) }

// CodeKeys returns the keys an entry of the codes section may have, in
// the order the catalog writes them. The slice is a copy.
func CodeKeys() []string { return slices.Clone(codeKeys) }
