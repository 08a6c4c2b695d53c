// Package dashboard renders the back office's dashboard.
package dashboard

import (
	"html/template"
	"net/http"
)

var page = template.Must(template.New("dashboard").Parse(`<h1>{{.}} open tickets</h1>`))

// Show renders the dashboard.
func Show(w http.ResponseWriter, r *http.Request) {
	_ = page.Execute(w, 3)
}
