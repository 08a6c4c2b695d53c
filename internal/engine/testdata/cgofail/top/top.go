// Package top uses cgo too, and imports the package cgo fails on.
package top

/*
static int one(void) { return 1; }
*/
import "C"

import "example.com/cgofail/bad"

// Five is four and one.
func Five() int { return bad.Twice(2) + int(C.one()) }
