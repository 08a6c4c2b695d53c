// Package webhooks receives the payment provider's callbacks.
package webhooks

import (
	"encoding/json"
	"io"
	"net/http"

	"example.com/nethttp/notify"
)

type ack struct {
	Received bool `json:"received"`
}

// Stripe acknowledges a payment event and tells the team about it.
func Stripe(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	_ = notify.Team(r.Context(), body)
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(ack{Received: true})
}
