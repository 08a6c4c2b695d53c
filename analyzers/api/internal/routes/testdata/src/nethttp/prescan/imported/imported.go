// Package imported writes through an import's function with a fact.
package imported

import (
	"io"

	"nethttp/prescan/jsonhelp"
)

// Show writes v.
func Show(w io.Writer, v any) { _ = jsonhelp.ToJSON(w, v) }
