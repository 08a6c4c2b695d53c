// Package cg uses cgo: its compiled files are cgo's output.
package cg

/*
static int twice(int x) { return 2 * x; }
*/
import "C"

import "os/user"

// Twice doubles x in C.
func Twice(x int) int { return int(C.twice(C.int(x))) }

// Current is the current user.
func Current() (*user.User, error) { return user.Current() }
