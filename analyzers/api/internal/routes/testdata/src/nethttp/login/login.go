// Package login receives a token on a local callback server, as a
// command-line client does: its routes are served on a loopback address
// only, no API for clients elsewhere.
package login

import (
	"encoding/json"
	"fmt"
	"net/http"
)

func receive(port int) {
	srv := &http.Server{Addr: fmt.Sprintf("127.0.0.1:%d", port)}
	srv.Handler = callback()
	_ = srv.ListenAndServe()
}

func callback() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /token", func(w http.ResponseWriter, r *http.Request) { // want `route POST /token api loopback by func literal`
		_ = json.NewEncoder(w).Encode(map[string]string{"ok": "true"})
	})
	return mux
}

func debug() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /state", func(w http.ResponseWriter, r *http.Request) { // want `route GET /state api loopback by func literal`
		_ = json.NewEncoder(w).Encode(1)
	})
	_ = http.ListenAndServe("localhost:6060", mux)
}

func literal() {
	mux := http.NewServeMux()
	srv := http.Server{Addr: "[::1]:0", Handler: mux}
	mux.HandleFunc("GET /ping", func(w http.ResponseWriter, r *http.Request) {}) // want `route GET /ping health loopback by func literal`
	_ = srv.ListenAndServe()
}

// public is served on every interface: its routes are an API.
func public() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders", func(w http.ResponseWriter, r *http.Request) { // want `route GET /orders api by func literal`
		_ = json.NewEncoder(w).Encode(1)
	})
	_ = http.ListenAndServe(":8080", mux)
}
