// Package y is not matched but imports a, which is: it is loaded from
// source after a, and its facts are computed by Run.
package y

import "example.com/between/a"

// Y wraps a's T.
type Y struct{ T a.T }

// NewY calls a.
func NewY() Y { return Y{T: a.A()} }
