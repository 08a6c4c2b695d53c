// Package a is matched, and imported by y, which is not.
package a

// T is what y builds on.
type T struct{ N int }

// A returns a T.
func A() T { return T{N: 1} }
