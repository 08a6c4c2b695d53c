// Package method calls a method of an instantiated generic type with a fact.
package method

import (
	"io"

	"nethttp/prescan/generic/help"
)

// F writes.
func F(w io.Writer) { help.Enc[string]{}.Write(w, "x") }
