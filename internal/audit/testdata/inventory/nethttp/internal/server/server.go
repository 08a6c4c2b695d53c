// Package server wires the shop's handlers into one http.Handler.
package server

import (
	"expvar"
	"log"
	"net/http"
	"time"

	"example.com/nethttp/admin"
	"example.com/nethttp/orders"
	"example.com/nethttp/web"
	"example.com/nethttp/webhooks"
)

// Config is what the server needs to know.
type Config struct {
	StaticDir   string
	WebhookPath string // set per deployment: not a constant
}

// New returns the shop's handler.
func New(cfg Config, st *orders.Store) http.Handler {
	mux := http.NewServeMux()

	// The JSON API lives below /api/v1; its handlers see paths without it.
	api := http.NewServeMux()
	orders.RegisterRoutes(api, st)
	mux.Handle("/api/v1/", http.StripPrefix("/api/v1", api))

	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	mux.Handle("GET /debug/vars", expvar.Handler())
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(http.Dir(cfg.StaticDir))))
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, cfg.StaticDir+"/favicon.ico")
	})
	web.Register(mux)

	// The back office has a host of its own.
	mux.Handle("admin.example.com/", admin.Handler())

	mux.HandleFunc(cfg.WebhookPath+"/stripe", webhooks.Stripe)

	return logRequests(mux)
}

func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		log.Printf("%s %s %v", r.Method, r.URL.Path, time.Since(start))
	})
}
