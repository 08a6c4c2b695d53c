// Package unnamedwriter marshals in a function with an unnamed writer.
package unnamedwriter

import (
	"encoding/json"
	"io"
)

// Write marshals.
func Write(io.Writer) { _, _ = json.Marshal(1) }
