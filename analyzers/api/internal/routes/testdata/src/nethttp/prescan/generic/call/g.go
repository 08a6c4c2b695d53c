// Package call calls a generic function with a fact.
package call

import (
	"io"

	"nethttp/prescan/generic/help"
)

// F writes.
func F(w io.Writer) { help.WriteJSON(w, 1) }
