// Package b imports a.
package b

import "example.com/facts/a"

// B calls a.
func B() a.T { return a.T{Field: a.Exported() + a.Var} }
