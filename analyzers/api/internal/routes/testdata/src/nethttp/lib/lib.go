package lib

import (
	"encoding/json"
	"html/template"
	"net/http"
)

// NewAPI returns a handler serving the users API.
func NewAPI() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /users", listUsers)
	return mux
}

func listUsers(w http.ResponseWriter, r *http.Request) {
	b, _ := json.Marshal([]string{"ann"})
	_, _ = w.Write(b)
}

var page = template.Must(template.New("p").Parse("<p>hi</p>"))

// Home renders the home page.
func Home(w http.ResponseWriter, r *http.Request) {
	_ = page.Execute(w, nil)
}
