package refunds

import (
	"encoding/json"
	"net/http"
)

// RegisterRoutes registers the refund API on mux.
func RegisterRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /orders/{id}/refunds", refund)
}

func refund(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode("ok") }
