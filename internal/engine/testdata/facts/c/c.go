// Package c imports b, and a only through b.
package c

import "example.com/facts/b"

// C calls b.
func C() int { return b.B().Method() + b.B().Field }
