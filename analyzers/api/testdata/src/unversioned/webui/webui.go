// Package webui serves a user interface: pages, and the JSON endpoints
// their scripts call, registered beside them (kind ui). Those are
// deployed with their only client and make no decision; the JSON API on
// a router of its own does.
package webui

import (
	"encoding/json"
	"html/template"
	"net/http"
)

var page = template.Must(template.New("p").Parse("<html>"))

func show(w http.ResponseWriter, r *http.Request) { _ = page.Execute(w, nil) }

func mark(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode(1) }

func ui() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /unread", show)
	mux.HandleFunc("GET /starred", show)
	mux.HandleFunc("GET /history", show)
	mux.HandleFunc("POST /entry/status", mark)
	return mux
}

func api() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", show)
	mux.HandleFunc("GET /entries", mark) // want `api root / has no version: 1 route \(/app\) with 1 handler in 1 package, e.g. GET /app/entries`
	return mux
}

func main() {
	root := http.NewServeMux()
	root.Handle("/", ui())
	root.Handle("/app/", http.StripPrefix("/app", api()))
	_ = http.ListenAndServe(":8080", root)
}
