// Package b has one door.
package b

import "example.com/mod/a"

// Door is a one-way door too.
func Door() { a.Door() }
