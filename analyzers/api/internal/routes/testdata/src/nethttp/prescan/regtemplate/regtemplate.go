// Package regtemplate wraps registration on another package's registrar.
package regtemplate

import "nethttp/prescan/registrar"

// Add registers path.
func Add(path string) { registrar.Reg.GET(path, registrar.Noop) }
