// Package cors registers handlers wrapped by functions of its own that
// return an http.Handler: a wrapped handler is a route; a function
// returning a router with routes mounts them instead.
package cors

import (
	"encoding/json"
	"net/http"
)

type server struct{}

func (s *server) wrap(f func(w http.ResponseWriter, r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, _ := f(w, r)
		_ = json.NewEncoder(w).Encode(v)
	}
}

func (s *server) stats(w http.ResponseWriter, r *http.Request) (any, error) { return nil, nil }

// wrapCORS answers preflight requests around h.
func wrapCORS(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		h.ServeHTTP(w, r)
	})
}

// ui returns a router with routes of its own.
func ui() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ui/settings", func(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode(1) }) // want `route GET /ui/settings api by func literal`
	return mux
}

func serve() {
	s := &server{}
	mux := http.NewServeMux()
	mux.Handle("/v1/client/stats", wrapCORS(s.wrap(s.stats))) // want `route /v1/client/stats api by wrapCORS\(s\.wrap\(s\.stats\)\)`
	mux.Handle("/ui/", wrapCORS(ui()))
	_ = http.ListenAndServe(":8080", mux)
}
