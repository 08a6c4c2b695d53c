// Package methodvalue calls a method value (no static callee: no fact).
package methodvalue

import (
	"io"

	"nethttp/prescan/generic/help"
)

// F writes.
func F(w io.Writer) { f := help.Enc[int]{}.Write; f(w, 1) }
