// Package native is an API whose router is a struct embedding the
// http.Handler its constructor sets: the routes are where the struct is
// mounted, not at the root.
package native

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
)

// Router serves the API.
type Router struct {
	http.Handler
	name string
}

// New returns the API's router.
func New() *Router {
	r := &Router{name: "native"}
	r.Handler = r.routes()
	return r
}

func (api *Router) routes() http.Handler {
	r := chi.NewRouter()
	r.Get("/albums", api.albums)
	return caseInsensitive(r)
}

// caseInsensitive is a middleware taking the router: its routes, any
// case.
func caseInsensitive(next chi.Router) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}

func (api *Router) albums(w http.ResponseWriter, r *http.Request) {
	_ = json.NewEncoder(w).Encode([]string{api.name})
}
