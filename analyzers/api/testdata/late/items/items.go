// Package items is a module registered as an interface value.
package items

import (
	"encoding/json"
	"net/http"
)

func list(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode([]string{}) }

// Items is the items module.
type Items struct{}

// Routes registers the item routes.
func (Items) Routes(mux *http.ServeMux) { mux.HandleFunc("GET /v1/items", list) }

// Registrar registers routes.
type Registrar interface {
	Get(p string, h http.HandlerFunc)
}

// Legacy registers the legacy routes through a registrar.
func Legacy(r Registrar) { r.Get("/v1/legacy/items", list) }
