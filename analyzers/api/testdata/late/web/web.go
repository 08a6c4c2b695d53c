// Package web is the service's route wrapper, which the modules reach
// through an interface of their own.
package web

import (
	"net/http"
	"path"
)

// Router joins a prefix.
type Router struct {
	mux    *http.ServeMux
	prefix string
}

// New returns a router.
func New(prefix string) *Router { return &Router{mux: http.NewServeMux(), prefix: prefix} }

// Get registers a GET route below the prefix.
func (r *Router) Get(p string, h http.HandlerFunc) {
	r.mux.HandleFunc("GET "+path.Join(r.prefix, p), h)
}

// Serve serves the routes.
func (r *Router) Serve() error { return http.ListenAndServe(":8081", r.mux) }
