package coserr

import (
	"github.com/cosgo/errcatalog/internal/statusrule"
	"io/fs"
	"slices"
)

// A Code is one COS error code of the catalog. Every code is a sentinel
// variable of this package, named as COS spells it (NoSuchBucket, SlowDown,
// ...), and errors.Is(err, NoSuchBucket) reports whether err carries it.
// A Code is itself an error, so it can be returned or wrapped like any
// sentinel. Codes are created only by the generated code; all methods are
// safe on a nil *Code.
type Code struct {
	name        string
	statuses    []int
	aliases     []string
	class       *Class
	retryable   bool
	clockSkew   bool     // the error can mean the local clock is wrong (see ClockSkew)
	checks      []string // what Diagnose checks besides the class's and the clock's (the catalog's checks)
	description string
	hints       []Hint
	refinedBy   map[string]*Code // the codes COS sends as this one's message, by message; set by init
}

// A sentAs is a code and a message, trimmed of space, that COS sends in
// place of a more precise code: AccessDenied with the message "Request has
// expired" stands for RequestHasExpired. The generated refinements table
// maps each to the code it stands for.
type sentAs struct {
	code    *Code
	message string
}

// The refinements go onto the codes COS sends them as, so that Known
// looks a message up only for such a code.
func init() {
	for k, c := range refinements {
		if k.code.refinedBy == nil {
			k.code.refinedBy = map[string]*Code{}
		}
		k.code.refinedBy[k.message] = c
	}
}

// maxRefinedMessage is the length of the longest message that refines a
// code, plus room for white space around it; Known does not look up a
// longer one.
var maxRefinedMessage = func() int {
	n := 0
	for k := range refinements {
		n = max(n, len(k.message))
	}
	return n + 64
}()

// refined is the code COS sends as c with this message, or nil.
func (c *Code) refined(message string) *Code {
	if c == nil || c.refinedBy == nil || len(message) > maxRefinedMessage {
		return nil
	}
	return c.refinedBy[trimSpace(message)]
}

// Name is the code's wire spelling, as COS sends it in <Code>: "NoSuchBucket".
func (c *Code) Name() string {
	if c == nil {
		return ""
	}
	return c.name
}

// Status is the code's primary HTTP status, Statuses()[0].
func (c *Code) Status() int {
	if c == nil || len(c.statuses) == 0 {
		return 0
	}
	return c.statuses[0]
}

// Statuses lists every HTTP status COS sends the code with, primary first.
// The slice is a copy.
func (c *Code) Statuses() []int {
	if c == nil {
		return nil
	}
	return slices.Clone(c.statuses)
}

// Aliases lists the other wire spellings COS has sent for the code, such
// as the misspelling "InternalErrror" of InternalError. The slice is a copy.
func (c *Code) Aliases() []string {
	if c == nil {
		return nil
	}
	return slices.Clone(c.aliases)
}

// Class is the class the code belongs to.
func (c *Code) Class() *Class {
	if c == nil {
		return nil
	}
	return c.class
}

// Retryable reports whether the catalog marks the code as worth retrying:
// server faults, throttling and request timeouts.
func (c *Code) Retryable() bool {
	return c != nil && c.retryable
}

// Description says what the code means, in a sentence.
func (c *Code) Description() string {
	if c == nil {
		return ""
	}
	return c.description
}

// Error makes a *Code a usable error: "cos: NoSuchBucket".
func (c *Code) Error() string {
	if c == nil {
		return "cos: <nil code>"
	}
	return "cos: " + c.name
}

// Is reports whether the code belongs to target, a *Class, or maps to
// target, fs.ErrNotExist for class NotFound and fs.ErrPermission for class
// AccessDenied. It compares only, so errors.Is(NoSuchKey, ErrNotFound)
// holds.
func (c *Code) Is(target error) bool {
	if c == nil {
		return false
	}
	return classIs(c.class, target)
}

// classIs reports whether class matches target: the class itself, or the
// io/fs sentinel it stands for, as syscall.Errno.Is maps errnos.
func classIs(class *Class, target error) bool {
	if class == nil {
		return false
	}
	switch target {
	case class:
		return true
	case fs.ErrNotExist:
		return class == ErrNotFound
	case fs.ErrPermission:
		return class == ErrAccessDenied
	}
	return false
}

// A Class groups codes by what the caller can do about them: ErrNotFound,
// ErrThrottled, ... (see the generated variables). Every code belongs to
// exactly one class, and an error whose code is empty or unknown falls in
// the class of its HTTP status. All methods are safe on a nil *Class.
type Class struct {
	name        string
	description string
	hints       []Hint
}

// Name is the class's name in the catalog: "NotFound".
func (c *Class) Name() string {
	if c == nil {
		return ""
	}
	return c.name
}

// Description says what the codes of the class have in common.
func (c *Class) Description() string {
	if c == nil {
		return ""
	}
	return c.description
}

// Error makes a *Class a usable error: "cos: class NotFound".
func (c *Class) Error() string {
	if c == nil {
		return "cos: <nil class>"
	}
	return "cos: class " + c.name
}

// Lookup returns the code COS spells name, accepting aliases, or nil when
// name is not in the catalog. The spelling must be exact, letter case
// included: COS's codes are case-sensitive, so "nosuchkey" is no code of
// the catalog, and an error that carries it falls in the class of its
// status like any unknown code. It is a map lookup: O(1), no allocation.
func Lookup(name string) *Code {
	return codeIndex[name]
}

// Codes returns every code of the catalog, sorted by name. The slice is a
// new copy; the codes are the sentinels themselves.
func Codes() []*Code {
	out := make([]*Code, len(codes))
	for i := range codes {
		out[i] = &codes[i]
	}
	return out
}

// statusClass is the class of an HTTP status, for an error whose code is
// empty or not in the catalog, as package statusrule names it; nil outside
// 300..599.
func statusClass(status int) *Class {
	if status < 0 || status >= len(statusClasses) {
		return nil
	}
	return statusClasses[status]
}

// statusClasses holds statusClass's answer for every status below 600.
var statusClasses = func() (t [600]*Class) {
	byName := map[string]*Class{}
	for i := range classes {
		byName[classes[i].name] = &classes[i]
	}
	for st := range t {
		t[st] = byName[statusrule.Class(st)]
	}
	return t
}()

// statusRetryable is the retry rule for an error whose code is empty or not
// in the catalog: 408, 429 and 5xx but 501 (package statusrule).
func statusRetryable(status int) bool {
	return statusrule.Retryable(status)
}
