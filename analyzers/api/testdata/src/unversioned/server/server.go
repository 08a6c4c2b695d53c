package server

import (
	"encoding/json"
	"html/template"
	"net/http"

	"unversioned/orders"
	"unversioned/refunds"
)

var page = template.Must(template.New("p").Parse("hi"))

func main() {
	mux := http.NewServeMux()
	orders.RegisterRoutes(mux) // want `api prefix /orders has no version: 3 routes with 2 handlers in 2 packages, e.g. GET /orders`
	refunds.RegisterRoutes(mux)

	v1 := http.NewServeMux()
	orders.RegisterRoutes(v1)
	mux.Handle("/api/v1/", http.StripPrefix("/api/v1", v1))
	mux.HandleFunc("GET /2024-01-01/things", jsonHandler)

	mux.HandleFunc("GET /healthz", jsonHandler)
	mux.HandleFunc("GET /metrics", jsonHandler)
	mux.HandleFunc("GET /debug/pprof/", jsonHandler)
	mux.Handle("GET /assets/", http.FileServer(http.Dir(".")))
	mux.HandleFunc("GET /account", func(w http.ResponseWriter, r *http.Request) { _ = page.Execute(w, nil) })
	mux.HandleFunc("POST /login", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("POST /api/jobs", func(w http.ResponseWriter, r *http.Request) {}) // want `api prefix /api has no version: 1 route with 1 handler in 1 package, e.g. POST /api/jobs`
	mux.HandleFunc("GET /hooks/stripe", jsonHandler)                                  // want `api prefix /hooks has no version`
	_ = http.ListenAndServe(":8080", mux)
}

func jsonHandler(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode(1) }
