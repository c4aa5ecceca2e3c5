package coserr

// This file stands in for coserr/hint.go of the gen branch until it is
// merged: the same declarations, without the catalog's hints.

// A Hint is one likely cause of an error and what to do about it, from the catalog.
type Hint struct {
	Cause   string // a likely cause
	Fix     string // what to do about it
	Message string // the <Message> COS sends for this cause, or "" when any message fits
}

// Hints returns the catalog's hints, most likely first; nil for a nil *Code.
func (c *Code) Hints() []Hint { return nil }

// Hints returns the class's hints, for an error whose code is empty or unknown.
func (c *Class) Hints() []Hint { return nil }
