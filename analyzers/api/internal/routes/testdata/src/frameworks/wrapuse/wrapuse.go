// Package wrapuse registers its routes through another package's router
// wrapper: the routes are here, with the paths and handlers given.
package wrapuse

import (
	"encoding/json"
	"net/http"

	"frameworks/wrap"
)

func users(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode([]string{}) }

// Register registers the user routes.
func Register(r *wrap.Router) {
	r.Get("/users", users)                                  // want `route GET /\{r\.prefix\}/users api dynamic by users`
	r.Method(http.MethodDelete, "/users/{id}", users)       // want `route DELETE /users/\{id\} api by users`
	r.Handle("/files/", http.FileServer(http.Dir("files"))) // want `route /\{r\.prefix\}/files/ static dynamic by http\.FileServer\(http\.Dir\("files"\)\)`
	r.Pattern("GET /teams", users)                          // want `route GET /teams api by users`
	r.Pattern("/legacy", users)                             // want `route /legacy api by users`
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		r.Pattern(m+" /whoami", users) // want `route GET /whoami api by users` `route POST /whoami api by users`
	}
}
