// Package fallback mounts, through a wrapper, what a function of its own
// returns: a plain handler, which stays a route below the path.
package fallback

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func h(w http.ResponseWriter, r *http.Request) {}

type Server struct{ router chi.Router }

func New() *Server { return &Server{router: chi.NewRouter()} }

func (s *Server) MountRouter(p string, sub http.Handler) { s.router.Mount(p, sub) }

func health() http.Handler { return http.HandlerFunc(h) }

func (s *Server) Run() {
	s.MountRouter("/ping", health())            // want `route /ping/\* health by health\(\)`
	s.MountRouter("/pong", http.HandlerFunc(h)) // want `route /pong/\* other by http\.HandlerFunc\(h\)`
	_ = http.ListenAndServe(":1", s.router)
}
