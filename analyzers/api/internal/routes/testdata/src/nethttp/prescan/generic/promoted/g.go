// Package promoted calls a promoted method with a fact.
package promoted

import (
	"io"

	"nethttp/prescan/generic/help"
)

// F writes.
func F(w io.Writer) { help.Embeds{}.Write(w, 1) }
