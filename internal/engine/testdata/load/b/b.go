// Package b has a type error.
package b

import "example.com/load/a"

// P is a pair.
var P = a.Pair[int]{A: 1, B: 2}.Swap()

// X is not defined.
var X = missing
