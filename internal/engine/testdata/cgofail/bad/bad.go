// Package bad uses cgo with a header that does not exist: cgo fails.
package bad

/*
#include "nosuchheader.h"
static int twice(int x) { return 2 * x; }
*/
import "C"

// Twice doubles x in C.
func Twice(x int) int { return int(C.twice(C.int(x))) }
