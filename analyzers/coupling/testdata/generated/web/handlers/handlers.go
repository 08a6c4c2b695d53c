// Package handlers serves requests.
package handlers

import "sync"

// Handler is a service: it guards state.
type Handler struct{ mu sync.Mutex }

// Serve serves.
func (h *Handler) Serve() {}
