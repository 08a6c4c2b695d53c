// Package orderfirst serves a value of a struct type embedding an
// http.Handler before the constructor that fills it is declared: the
// constructor's router is its result's, whatever the order, not a
// router served at the root.
package orderfirst

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func h(w http.ResponseWriter, r *http.Request) {}

type API struct{ http.Handler }

func Serve(a *API) {
	mux := http.NewServeMux()
	mux.Handle("/api/", http.StripPrefix("/api", a)) // want `route /api/ other by http\.StripPrefix\("/api", a\)`
	_ = http.ListenAndServe(":1", mux)
}

func New() *API {
	a := &API{}
	a.Handler = routes()
	return a
}

func routes() http.Handler { r := chi.NewRouter(); r.Get("/items", h); return r }
