package app

import (
	"net/http"

	"nethttp/lib"
	"nethttp/orders"
)

type server struct{ mux *http.ServeMux }

func main() {
	mux := http.NewServeMux()
	api := http.NewServeMux()
	orders.RegisterRoutes(api)  // want `route GET /api/v1/orders api` `route GET /api/v1/orders/\{id\} api` `route DELETE /api/v1/orders/\{id\} api`
	orders.RegisterReports(api) // want `route GET /api/v1/reports api`
	mux.Handle("/api/v1/", http.StripPrefix("/api/v1", api))

	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {})          // want `route GET /healthz health`
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(http.Dir(".")))) // want `route GET /static/ static`
	mux.HandleFunc("GET /{$}", lib.Home)                                                     // want `route GET /\{\$\} page`
	mux.HandleFunc("example.com/status", func(w http.ResponseWriter, r *http.Request) {      // want `route example.com/status api`
		orders.WriteJSON(w, 200, "ok")
	})
	mux.Handle("/users/", lib.NewAPI()) // want `route GET /users api`
	mux.Handle("/legacy/", http.StripPrefix("/legacy", legacy()))

	s := &server{mux: http.NewServeMux()}
	s.routes()
	mux.Handle("/internal/", s.mux)

	prefix := "/" + name()
	mux.HandleFunc(prefix+"/x", func(w http.ResponseWriter, r *http.Request) {}) // want `route /\{prefix\}/x other dynamic by func literal`

	_ = http.ListenAndServe(":8080", logging(mux))
}

func (s *server) routes() {
	s.mux.HandleFunc("GET /internal/jobs", nil) // want `route GET /internal/jobs other`
}

func legacy() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("POST /orders", nil) // want `route POST /legacy/orders other`
	return m
}

func name() string { return "x" }

func logging(h http.Handler) http.Handler { return h }

func init() {
	http.HandleFunc("/debug/vars", nil) // want `route /debug/vars debug`
}
