// Package server mounts the service's routers through a method of its
// own, the path joined to a base path from configuration and the mount
// inside a chi Group: each call of MountRouter mounts its handler there.
package server

import (
	"encoding/json"
	"net/http"
	"path"

	"github.com/go-chi/chi/v5"
)

// Config is the service's configuration.
var Config struct{ BasePath string }

// Server holds the root router.
type Server struct{ router chi.Router }

// New returns a server.
func New() *Server { return &Server{router: chi.NewRouter()} }

// MountRouter mounts subRouter at urlPath below the base path.
func (s *Server) MountRouter(description, urlPath string, subRouter http.Handler) {
	urlPath = path.Join(Config.BasePath, urlPath)
	s.router.Group(func(r chi.Router) {
		r.Mount(urlPath, subRouter)
	})
}

// Run serves the root router: a handler mounted is a route below the
// path, a router mounted has its routes there.
func (s *Server) Run() error {
	s.MountRouter("Health", "/ping", http.HandlerFunc(ping)) // want `route /ping/\* health by http\.HandlerFunc\(ping\)`
	s.MountRouter("Admin", "/admin", adminRouter())
	return http.ListenAndServe(":4533", s.router)
}

func adminRouter() http.Handler {
	r := chi.NewRouter()
	r.Get("/stats", stats) // want `route GET /admin/stats api by stats`
	return r
}

func stats(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode(map[string]int{}) }

func ping(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("pong")) }
