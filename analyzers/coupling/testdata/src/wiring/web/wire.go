package web

import (
	"github.com/google/wire"

	"wiring/store"
)

// Set provides the handler: this file is wiring, its uses of store are
// the composition's.
var Set = wire.NewSet(NewHandler, NewStore)

// NewHandler provides a handler.
func NewHandler(s *store.Store) *Handler { return &Handler{s: s} }

// NewStore provides a store.
func NewStore() *store.Store { return &store.Store{} }
