// Package routerarg calls functions taking a router that return another
// handler: not middlewares standing for the router they are given.
package routerarg

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func h(w http.ResponseWriter, r *http.Request) {}

func api(root chi.Router) http.Handler {
	root.Get("/health", h) // want `route GET /health health by h`
	r := chi.NewRouter()
	r.Get("/items", h) // want `route GET /api/items other by h`
	return r
}

func Serve() {
	root := chi.NewRouter()
	root.Mount("/api", api(root))
	_ = http.ListenAndServe(":1", root)
}

func withDocs(r chi.Router) http.Handler {
	docs := http.NewServeMux()
	docs.Handle("/", r)
	docs.HandleFunc("GET /docs", h) // want `route GET /docs other by h`
	return docs
}

func Serve2() {
	r := chi.NewRouter()
	r.Get("/x", h) // want `route GET /x other by h`
	_ = http.ListenAndServe(":2", withDocs(r))
}
