package orders

import (
	"encoding/json"
	"net/http"
)

// RegisterRoutes registers the order endpoints on mux; the routes are
// reported where mux is served, not here.
func RegisterRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /orders", handleList)
	mux.HandleFunc("GET /orders/{id}", handleGet)
	registerAdmin(mux)
}

func registerAdmin(m *http.ServeMux) {
	m.HandleFunc("DELETE /orders/{id}", handleGet)
}

// Order is an order.
type Order struct{ ID int64 }

func handleList(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, []Order{})
}

func handleGet(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, Order{})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// WriteJSON is a helper other packages use.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.WriteHeader(status)
	writeJSON(w, v)
}

// Mux names the router by an alias of its pointer type.
type Mux = *http.ServeMux

// RegisterReports registers the reports on m, a router all the same.
func RegisterReports(m Mux) {
	m.HandleFunc("GET /reports", handleList)
}
