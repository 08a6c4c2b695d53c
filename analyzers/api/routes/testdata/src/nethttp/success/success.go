// Package success classes handlers by what they write on their success
// path: error branches (guard clauses ending in return) answering JSON
// make no API of a page or a redirect, and a JSON handler answering
// errors with a page is still an API.
package success

import (
	"encoding/json"
	"html/template"
	"net/http"
)

var page = template.Must(template.New("p").Parse("<html>"))

func renderError(w http.ResponseWriter, err error) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
}

func find(r *http.Request) (string, error) { return "", nil }

// redirect sends the browser to the repository's page.
func redirect(w http.ResponseWriter, r *http.Request) {
	repo, err := find(r)
	if err != nil {
		renderError(w, err)
		return
	}
	http.Redirect(w, r, "/ui/"+repo, http.StatusMovedPermanently)
}

// show renders a page, errors as JSON.
func show(w http.ResponseWriter, r *http.Request) {
	repo, err := find(r)
	if err != nil {
		renderError(w, err)
		return
	}
	_ = page.Execute(w, repo)
}

// get answers JSON, errors as a page.
func get(w http.ResponseWriter, r *http.Request) {
	repo, err := find(r)
	if err != nil {
		_ = page.Execute(w, err)
		return
	}
	_ = json.NewEncoder(w).Encode(repo)
}

// fail only answers errors: what it writes there is its kind.
func fail(w http.ResponseWriter, r *http.Request) {
	if _, err := find(r); err != nil {
		renderError(w, err)
		return
	}
}

func routes() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /repos/{ref}", redirect) // want `route GET /repos/\{ref\} page by redirect`
	mux.HandleFunc("GET /pages/{ref}", show)     // want `route GET /pages/\{ref\} page by show`
	mux.HandleFunc("GET /api/repos/{ref}", get)  // want `route GET /api/repos/\{ref\} api by get`
	mux.HandleFunc("GET /api/fail", fail)        // want `route GET /api/fail api by fail`
	_ = http.ListenAndServe(":8080", mux)
}
