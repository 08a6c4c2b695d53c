// Command statusonly answers some requests with a status alone: below
// an API root or on a resource whose other routes encode JSON, such a
// route is part of the API in the inventory, as the api rules count it;
// elsewhere its kind stays unknown.
package main

import (
	"encoding/json"
	"net/http"
)

func list(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode([]int{}) }

func done(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/items", list)
	mux.HandleFunc("DELETE /api/items/{id}", done)
	mux.HandleFunc("POST /api/items/{id}/archive", done)
	mux.HandleFunc("GET /orders/{id}", list)
	mux.HandleFunc("DELETE /orders/{id}", done)
	mux.HandleFunc("POST /logout", done)
	mux.HandleFunc("OPTIONS /api/items", done) // a CORS preflight: no operation
	_ = http.ListenAndServe(":8080", mux)
}
