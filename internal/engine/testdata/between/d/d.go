// Package d is matched and imports x and z, which are not.
package d

import (
	"example.com/between/x"
	"example.com/between/z"
)

// D calls both.
func D() int { return x.X() + z.Z() }
