package lib

import (
	"encoding/json"
	"net/http"
)

// JSON writes v as a JSON response.
func JSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// Register serves the health check on mux.
func Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) { JSON(w, "ok") })
}
