// Package z imports nothing of the module: its facts are computed
// before the matched packages are type-checked.
package z

// Z is a constant's worth.
func Z() int { return 2 }
