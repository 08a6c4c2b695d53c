// Package users registers its routes on the router it is given.
package users

import (
	"late/shared"

	"github.com/go-chi/chi/v5"
)

// Register registers the user routes.
func Register(r chi.Router) {
	r.Get("/users", nil)
	r.Post("/users", nil)
	shared.Internal(r)
}

// Unused has the same signature but is referenced nowhere: no module.
func Unused(r chi.Router) { r.Get("/unused", nil) }
