// Package twoinst holds two values of one struct type embedding an
// http.Handler, each given its router: each serves its own.
package twoinst

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

type logged struct{ http.Handler }

func h(w http.ResponseWriter, r *http.Request) {}

func Serve() {
	api := chi.NewRouter()
	api.Get("/items", h) // want `route GET /api/items other by h`
	admin := chi.NewRouter()
	admin.Get("/stats", h) // want `route GET /admin/stats other by h`
	a := &logged{}
	a.Handler = api
	b := &logged{}
	b.Handler = admin
	mux := http.NewServeMux()
	mux.Handle("/api/", http.StripPrefix("/api", a))
	mux.Handle("/admin/", http.StripPrefix("/admin", b))
	_ = http.ListenAndServe(":1", mux)
}
