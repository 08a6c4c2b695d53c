// Package web serves the status of a service it calls, through a
// helper of another module that writes JSON.
package web

import (
	"net/http"

	"example.com/webclient"
	"example.com/webhelp"
)

// Register registers the status route.
func Register() {
	http.HandleFunc("GET /status", func(w http.ResponseWriter, r *http.Request) {
		s, _ := webclient.Status(http.DefaultClient, "http://upstream/status")
		webhelp.WriteJSON(w, map[string]string{"status": s})
	})
}
