// Package webhelp writes JSON responses: its WriteJSON has a route fact
// (what it writes), which the routes analyzer computes.
package webhelp

import (
	"encoding/json"
	"net/http"
)

// WriteJSON answers with v as JSON.
func WriteJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
