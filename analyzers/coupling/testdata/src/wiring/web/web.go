// Package web serves.
package web

import "wiring/store"

// Handler holds a store.
type Handler struct {
	s *store.Store // want `component web depends on concrete store\.Store of store: 1 field, 1 literal \(2 uses\); 1 use binds to the type; depend on an interface instead`
}

func (h *Handler) reset() { h.s = &store.Store{} }
