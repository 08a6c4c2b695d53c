// Package chidispatch mounts a server type whose ServeHTTP picks the
// route itself, switching on the whole path (chi strips nothing from
// r.URL.Path): one route per case, below the mount.
package chidispatch

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
)

// Server is a runners' RPC server.
type Server struct{}

func (s *Server) write(w http.ResponseWriter, r *http.Request) {
	var v map[string]string
	_ = json.NewDecoder(r.Body).Decode(&v)
}

func (s *Server) request(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode(1) }

// ServeHTTP dispatches on the path.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/rpc/v1/write":
		s.write(w, r)
	case "/rpc/v1/request":
		s.request(w, r)
	}
}

func serve() {
	r := chi.NewRouter()
	r.Mount("/rpc", &Server{}) // want `route /rpc/v1/write api by s.write` `route /rpc/v1/request api by s.request`
	_ = http.ListenAndServe(":8080", r)
}
