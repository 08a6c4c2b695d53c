// Package x imports y: its facts wait for y's, and its imports' export
// data must not be read into y and a before the loader checked them.
package x

import "example.com/between/y"

// X calls y.
func X() int { return y.NewY().T.N }
