// Package web renders the shop's HTML pages.
package web

import (
	"html/template"
	"net/http"
)

var pages = template.Must(template.New("home").Parse(`<h1>Shop</h1>`))

// Register registers the pages on mux.
func Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", home)
	mux.HandleFunc("GET /account", account)
	mux.HandleFunc("POST /account", saveAccount)
}

func home(w http.ResponseWriter, r *http.Request) {
	_ = pages.ExecuteTemplate(w, "home", nil)
}

func account(w http.ResponseWriter, r *http.Request) {
	_ = pages.ExecuteTemplate(w, "account", map[string]string{"email": r.FormValue("email")})
}

// saveAccount re-renders the form when it is invalid, else redirects.
func saveAccount(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("email") == "" {
		w.WriteHeader(http.StatusUnprocessableEntity)
		account(w, r)
		return
	}
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}
