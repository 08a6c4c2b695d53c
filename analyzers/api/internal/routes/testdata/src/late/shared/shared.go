// Package shared registers routes for the modules that call it: called,
// never referenced as a value, it is no module of its own.
package shared

import "github.com/go-chi/chi/v5"

// Internal registers the internal routes.
func Internal(r chi.Router) { r.Get("/internal", nil) }
