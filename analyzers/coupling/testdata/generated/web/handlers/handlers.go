// Package handlers serves requests.
package handlers

import (
	"sync"

	_ "example.com/gen/web" // handlers is no leaf of web: it is part of the web unit
)

// Handler is a service: it guards state.
type Handler struct{ mu sync.Mutex }

// Serve serves.
func (h *Handler) Serve() {}
