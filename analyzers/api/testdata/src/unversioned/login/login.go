// Package login receives a token on a local callback server, as a
// command-line client does: served on a loopback address only, its
// routes are no API and make no decision.
package login

import (
	"encoding/json"
	"fmt"
	"net/http"
)

func receive(port int) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /token", func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]string{"ok": "true"})
	})
	srv := &http.Server{Addr: fmt.Sprintf("127.0.0.1:%d", port), Handler: mux}
	_ = srv.ListenAndServe()
}
