// Package app is audited on its own: lib is only its dependency.
package app

import (
	"net/http"

	"example.com/depfacts/lib"
)

// Server serves things.
type Server struct{ db *lib.DB }

// Serve serves the server's routes.
func (s *Server) Serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /things", s.things)
	lib.Register(mux)
	return http.ListenAndServe(":8080", mux)
}

func (s *Server) things(w http.ResponseWriter, r *http.Request) {
	if err := s.db.Exec("DELETE FROM sessions"); err != nil {
		return
	}
	lib.JSON(w, []string{"a"})
}
