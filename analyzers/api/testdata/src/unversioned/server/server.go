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
	// /orders and /customers are two resources of one API served at the
	// root: one decision, whose subject is the root "/" where a version
	// would go, with every route as a related location.
	orders.RegisterRoutes(mux) // want `api root / has no version: 6 routes \(/customers, /hooks, /orders\) with 4 handlers in 3 packages, e.g. GET /orders; versioned beside it: /2024-01-01`
	refunds.RegisterRoutes(mux)
	mux.HandleFunc("GET /customers/{id}", jsonHandler)
	mux.HandleFunc("DELETE /customers/{id}", func(w http.ResponseWriter, r *http.Request) {}) // no JSON, but a resource of the API
	mux.HandleFunc("GET /stream", func(w http.ResponseWriter, r *http.Request) {})            // unclassified, and no resource of the API

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
	// Below /api, the API root: a decision of its own, with the versioned
	// routes beside it named.
	mux.HandleFunc("POST /api/jobs", func(w http.ResponseWriter, r *http.Request) {}) // want `api root /api has no version: 2 routes \(/api/jobs, /api/tags\) with 2 handlers in 1 package, e.g. POST /api/jobs; versioned beside it: /api/v1`
	mux.HandleFunc("GET /api/tags", jsonHandler)
	mux.HandleFunc("GET /hooks/stripe", jsonHandler)
	// An API root further down: /admin/api.
	mux.HandleFunc("GET /admin/api/users", jsonHandler) // want `api root /admin/api has no version: 1 route \(/admin/api/users\)`
	_ = http.ListenAndServe(":8080", mux)
}

func jsonHandler(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode(1) }
