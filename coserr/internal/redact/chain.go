package redact

import (
	"errors"
	"net/url"
	"reflect"
)

// Chain returns err such that no error reachable from it through
// Unwrap shows a secret: err itself when none does; otherwise a copy in
// which each *url.Error has its URL redacted, through its parsed parts,
// and each other error whose text shows a secret stands in as a
// *redactedError with that text redacted. Errors that show none, such as
// a *net.OpError, a syscall.Errno or context.Canceled, are kept as they
// are, so errors.Is and errors.As still find them.
func Chain(err error) error { return ChainWith(err, nil) }

// ChainWith is Chain with fix applied first to each error that shows a
// secret: an adapter's way to give its SDK's error type a redacted copy
// of itself, so that errors.As still finds that type. When fix returns
// an error that shows none, that error stands; otherwise Chain's rules
// go on with it, without fix. fix may be nil.
func ChainWith(err error, fix func(error) error) error {
	if err == nil || chainClean(err) {
		return err
	}
	if fix != nil {
		if fixed := fix(err); fixed != err {
			return Chain(fixed) // fixed itself if it shows none; fix is not applied again
		}
	}
	if ue, ok := err.(*url.Error); ok && ue != nil {
		return &url.Error{Op: ue.Op, URL: URLString(ue.URL), Err: ChainWith(ue.Err, fix)}
	}
	msg, _ := ErrorText(err)
	r := &redactedError{msg: Text(msg), orig: err}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		r.cause = ChainWith(u.Unwrap(), fix)
	case interface{ Unwrap() []error }:
		causes := u.Unwrap()
		clean := make([]error, 0, len(causes))
		for _, c := range causes {
			clean = append(clean, ChainWith(c, fix))
		}
		r.cause = errors.Join(clean...)
	}
	return r
}

// chainClean reports whether no error reachable from err shows a secret
// in its text.
func chainClean(err error) bool {
	if err == nil {
		return true
	}
	if msg, ok := ErrorText(err); ok && Text(msg) != msg {
		return false
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		return chainClean(u.Unwrap())
	case interface{ Unwrap() []error }:
		for _, c := range u.Unwrap() {
			if !chainClean(c) {
				return false
			}
		}
	}
	return true
}

// A redactedError stands in for an error whose text shows a secret: it
// has that text, redacted, and unwraps to the error's causes, redacted
// the same way.
type redactedError struct {
	msg   string
	orig  error // the error it stands in for, matched by errors.Is, never shown
	cause error
}

func (e *redactedError) Error() string { return e.msg }

func (e *redactedError) Unwrap() error { return e.cause }

// Is reports whether target is the error e stands in for, so that a
// sentinel still matches.
func (e *redactedError) Is(target error) bool {
	t := reflect.TypeOf(e.orig)
	return t != nil && t.Comparable() && target == e.orig
}

// errorText is err.Error(), or false when that panics, as the Error
// method of a typed nil pointer often does.
func ErrorText(err error) (msg string, ok bool) {
	defer func() {
		if recover() != nil {
			msg, ok = "", false
		}
	}()
	return err.Error(), true
}
