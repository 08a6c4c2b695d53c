// Package d imports c, and b and a only through c.
package d

import "example.com/facts/c"

// D calls c.
func D() int { return c.C() }

var _ = D
