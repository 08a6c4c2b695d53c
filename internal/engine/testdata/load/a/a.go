// Package a type-checks.
package a

import (
	"fmt"
	"net/http"
)

// Handler answers.
func Handler(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, r.URL.Path) }

// Pair holds two of anything.
type Pair[T any] struct{ A, B T }

// Swap swaps.
func (p Pair[T]) Swap() Pair[T] { return Pair[T]{p.B, p.A} }
