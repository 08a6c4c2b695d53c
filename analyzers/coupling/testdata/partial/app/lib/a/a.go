// Package a uses b, beside it.
package a

import "example.com/partial/app/lib/b"

// A is b's.
func A() int { return b.B() }
