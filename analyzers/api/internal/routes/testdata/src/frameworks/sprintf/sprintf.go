// Package sprintf writes route paths with fmt.Sprintf: constant
// arguments are formatted as fmt would, others are dynamic segments.
package sprintf

import (
	"fmt"
	"net/http"

	"github.com/go-chi/chi/v5"
)

const paramUserID = "user_id"

const version = 2

// apiPrefix is a variable given a constant and never assigned: a constant.
var apiPrefix = "/api/v3"

// basePrefix is assigned: no constant.
var basePrefix = "/base"

func init() { basePrefix = "/other" }

func routes(root string, verbose bool) {
	r := chi.NewRouter()
	r.Route(fmt.Sprintf("/v%d/users", version), func(r chi.Router) {
		r.Get(fmt.Sprintf("/{%s}", paramUserID), nil)              // want `route GET /v2/users/\{user_id\} other by nil`
		r.Get(fmt.Sprintf("/{%s}/keys/%q", paramUserID, "k"), nil) // want `route GET /v2/users/\{user_id\}/keys/"k" other by nil`
		r.Get(fmt.Sprintf("/%s/items", root), nil)                 // want `route GET /v2/users/\{root\}/items other dynamic by nil`
		r.Get(fmt.Sprintf("/%-8s/x", paramUserID), nil)            // want `route GET /v2/users/\{\?\} other dynamic by nil`
		r.Get(fmt.Sprintf("/%t/flags", verbose), nil)              // want `route GET /v2/users/\{\?\} other dynamic by nil`
	})
	r.Get(apiPrefix+"/things", nil)                // want `route GET /api/v3/things other by nil`
	r.Get(fmt.Sprintf("%s/stuff", apiPrefix), nil) // want `route GET /api/v3/stuff other by nil`
	r.Get(basePrefix+"/things", nil)               // want `route GET /\{basePrefix\}/things other dynamic by nil`
	_ = http.ListenAndServe(":8080", r)
}
