// Package help writes JSON through generic helpers.
package help

import (
	"encoding/json"
	"io"
)

// WriteJSON writes v.
func WriteJSON[T any](w io.Writer, v T) { _ = json.NewEncoder(w).Encode(v) }

// Enc writes values.
type Enc[T any] struct{}

// Write writes v.
func (Enc[T]) Write(w io.Writer, v T) { _ = json.NewEncoder(w).Encode(v) }

// Embeds promotes Write.
type Embeds struct{ Enc[int] }
