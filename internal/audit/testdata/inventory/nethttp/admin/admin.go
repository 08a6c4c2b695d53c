// Package admin serves the back office.
package admin

import (
	"html/template"
	"net/http"
)

var reportPage = template.Must(template.New("report").Parse(`<table>{{range .}}<tr><td>{{.}}</td></tr>{{end}}</table>`))

// Handler returns the back office's handler; the server gives it a host.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /reports", reports)
	mux.HandleFunc("GET /reports/{name}", reports)
	return mux
}

func reports(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_ = reportPage.Execute(w, []string{"sales", "refunds"})
}
