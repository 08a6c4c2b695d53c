package main

import (
	"encoding/json"
	"net/http"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /orders/{id}", func(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode(1) })
	mux.HandleFunc("GET /v2/orders", func(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode(1) })
	_ = http.ListenAndServe(":8081", mux)
}
