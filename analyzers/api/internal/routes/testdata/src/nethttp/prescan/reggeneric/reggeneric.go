// Package reggeneric registers through a type parameter constrained
// by another package's registrar.
package reggeneric

import "nethttp/prescan/registrar"

// Add registers path on r.
func Add[R registrar.Registrar](r R, path string) { r.GET(path, registrar.Noop) }
