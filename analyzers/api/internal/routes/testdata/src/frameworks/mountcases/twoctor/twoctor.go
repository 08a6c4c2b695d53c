// Package twoctor has two constructors of one struct type embedding an
// http.Handler, each putting its own router there.
package twoctor

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

type API struct{ http.Handler }

func h(w http.ResponseWriter, r *http.Request) {}

func NewA() *API {
	a := &API{}
	a.Handler = routesA()
	return a
}

func NewB() *API {
	b := &API{}
	b.Handler = routesB()
	return b
}

func routesA() http.Handler { r := chi.NewRouter(); r.Get("/items", h); return r } // want `route GET /a/items other by h`
func routesB() http.Handler { r := chi.NewRouter(); r.Get("/stats", h); return r } // want `route GET /b/stats other by h`

func Serve() {
	mux := http.NewServeMux()
	mux.Handle("/a/", http.StripPrefix("/a", NewA()))
	mux.Handle("/b/", http.StripPrefix("/b", NewB()))
	_ = http.ListenAndServe(":1", mux)
}
