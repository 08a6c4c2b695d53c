// Package jsonhelp writes JSON to a writer: its ToJSON has a fact.
package jsonhelp

import (
	"encoding/json"
	"io"
)

// ToJSON writes v as JSON.
func ToJSON(w io.Writer, v any) error { return json.NewEncoder(w).Encode(v) }
