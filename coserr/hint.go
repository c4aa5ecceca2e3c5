package coserr

import "slices"

// A Hint is one likely cause of an error and what to do about it, from the catalog.
type Hint struct {
	Cause   string // a likely cause
	Fix     string // what to do about it
	Message string // the <Message> COS sends for this cause, or "" when any message fits
}

// Hints returns the catalog's hints for the code, most likely first; nil
// for a nil *Code. A hint with a Message applies when the error's message
// is that text. The slice is a copy.
func (c *Code) Hints() []Hint {
	if c == nil {
		return nil
	}
	return slices.Clone(c.hints)
}

// Hints returns the catalog's hints for the class, most likely first, for
// an error whose code is empty or unknown; nil for a nil *Class. The slice
// is a copy.
func (c *Class) Hints() []Hint {
	if c == nil {
		return nil
	}
	return slices.Clone(c.hints)
}
