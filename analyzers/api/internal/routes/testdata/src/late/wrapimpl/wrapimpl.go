// Package wrapimpl is a route wrapper that joins a prefix; the handlers'
// packages reach it through an interface of their own.
package wrapimpl

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
func (r *Router) Serve() error { return http.ListenAndServe(":8080", r.mux) }
