// Package acme serves ACME's HTTP challenge through autocert, in front
// of the service's router and on a server of its own: the challenge
// path is a protocol route, the router's routes stay where they are.
package acme

import (
	"encoding/json"
	"net/http"

	"golang.org/x/crypto/acme/autocert"
)

func list(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode([]int{}) }

func serve() {
	m := &autocert.Manager{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/items", list) // want `route GET /api/items api by list`
	s := &http.Server{Addr: ":443"}
	s.Handler = mux
	s.Handler = m.HTTPHandler(s.Handler) // want `route /.well-known/acme-challenge/ protocol by m.HTTPHandler`
	_ = s.ListenAndServeTLS("", "")
}

func challenges(m *autocert.Manager) {
	srv := &http.Server{Addr: ":http", Handler: m.HTTPHandler(nil)} // want `route /.well-known/acme-challenge/ protocol by m.HTTPHandler`
	_ = srv.ListenAndServe()
}
