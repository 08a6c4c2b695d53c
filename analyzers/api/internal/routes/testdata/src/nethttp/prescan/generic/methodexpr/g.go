// Package methodexpr calls a method expression with a fact.
package methodexpr

import (
	"io"

	"nethttp/prescan/generic/help"
)

// F writes.
func F(w io.Writer) { help.Enc[int].Write(help.Enc[int]{}, w, 1) }
