// Package encode encodes to a writer it cannot read back.
package encode

import (
	"encoding/xml"
	"io"
)

// Write writes v as XML.
func Write(w io.Writer, v any) error { return xml.NewEncoder(w).Encode(v) }
