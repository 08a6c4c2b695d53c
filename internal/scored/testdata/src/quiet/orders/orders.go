// Package orders holds a cheap-later decision: with -invest-now-only
// nothing is reported.
package orders

func Decided() {}
