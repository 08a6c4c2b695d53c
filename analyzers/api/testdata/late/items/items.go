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
