// Package hooks receives a mail provider's webhooks, which the policy
// lists as a protocol (protocol-paths: [/hooks/**]), beside its own API.
package hooks

import (
	"encoding/json"
	"net/http"
)

func js(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode(map[string]int{}) }

// Serve serves the hooks and the API.
func Serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /hooks/postmark", js)
	mux.HandleFunc("GET /api/messages", js) // want `api root /api has no version: 1 route \(/api/messages\)`
	_ = http.ListenAndServe(":8080", mux)
}
