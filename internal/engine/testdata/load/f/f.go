// Package f imports b, which has a type error.
package f

import "example.com/load/b"

// P is b's.
var P = b.P
