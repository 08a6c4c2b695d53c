// Package authors serves the authors resource.
package authors

import (
	"encoding/json"
	"net/http"

	"github.com/julienschmidt/httprouter"
)

// Register registers the author routes on the router.
func Register(r *httprouter.Router) {
	r.GET("/v1/authors/:id", get)
	r.GET("/v1/authors/:id/books", books)
}

func get(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{"id": ps.ByName("id")})
}

func books(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode([]string{})
}
