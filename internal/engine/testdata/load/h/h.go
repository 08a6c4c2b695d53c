// Package h imports a package that does not exist.
package h

import "example.com/load/nothere"

// V is nothere's.
var V = nothere.V
