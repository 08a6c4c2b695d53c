// Package items is a module; Other has the method but is no Module.
package items

import "github.com/go-chi/chi/v5"

// Items is the items module.
type Items struct{}

// RegisterRoutes registers the item routes.
func (*Items) RegisterRoutes(r chi.Router) { r.Get("/items", nil) }

// Name names the module.
func (*Items) Name() string { return "items" }

// Other registers routes but is no Module.
type Other struct{}

// RegisterRoutes registers a route.
func (Other) RegisterRoutes(r chi.Router) { r.Get("/other", nil) }
