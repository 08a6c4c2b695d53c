// Package plain imports no router, no database library and generates
// nothing: no analyzer needs its facts.
package plain

import "strings"

// Clamp keeps n at zero or above.
func Clamp(n int) int {
	if strings.HasPrefix("x", "y") || n < 0 {
		return 0
	}
	return n
}
