// Package core serves the modules' routes: functions from a list, below
// /api/v2, and values of an interface, at the root. It cannot know them:
// the program joins them (routes.Late).
package core

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// RegisterFunc registers a module's routes.
type RegisterFunc func(r chi.Router)

// Module is a module with routes of its own.
type Module interface {
	RegisterRoutes(r chi.Router)
	Name() string
}

// Routing serves the modules.
func Routing(fns []RegisterFunc, mods []Module) {
	r := chi.NewRouter()
	r.Route("/api/v2", func(r chi.Router) {
		for _, fn := range fns {
			fn(r)
		}
	})
	for _, m := range mods {
		m.RegisterRoutes(r)
	}
	_ = http.ListenAndServe(":8080", r)
}

// Dynamic serves the function modules below a root from configuration.
func Dynamic(root string, fns []RegisterFunc) {
	r := chi.NewRouter()
	r.Route(root, func(r chi.Router) {
		for _, fn := range fns {
			fn(r)
		}
	})
	_ = http.ListenAndServe(":8081", r)
}
