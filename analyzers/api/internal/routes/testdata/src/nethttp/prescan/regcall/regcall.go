// Package regcall registers on a registrar another package's function
// returns: it names no router type and holds no router.
package regcall

import "nethttp/prescan/registrar"

// Add registers path.
func Add(path string) { registrar.Get().GET(path, registrar.Noop) }
