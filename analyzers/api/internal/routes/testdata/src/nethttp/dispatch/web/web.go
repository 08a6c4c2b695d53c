// Package web dispatches by hand in a switch on the path, for another
// package to register: its routes travel in a fact.
package web

import (
	"encoding/json"
	"html/template"
	"net/http"
)

var page = template.Must(template.New("p").Parse("<html>"))

// Handle serves the web app's routes.
func Handle(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/app", "/app/":
		_ = page.Execute(w, nil)
	case "/app/config.json":
		switch r.Method {
		case http.MethodGet:
			_ = json.NewEncoder(w).Encode(map[string]string{})
		case http.MethodPut:
			var v map[string]string
			_ = json.NewDecoder(r.Body).Decode(&v)
		}
	default:
		http.NotFound(w, r)
	}
}
