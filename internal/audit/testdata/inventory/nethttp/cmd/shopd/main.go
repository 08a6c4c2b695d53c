// Command shopd serves the shop: its JSON API, its pages and its files.
package main

import (
	"log"
	"net/http"
	"os"
	"time"

	"example.com/nethttp/internal/server"
	"example.com/nethttp/orders"
)

func main() {
	cfg := server.Config{
		StaticDir:   "web/static",
		WebhookPath: os.Getenv("WEBHOOK_PATH"),
	}
	srv := &http.Server{
		Addr:              ":8080",
		Handler:           server.New(cfg, orders.NewStore()),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}
