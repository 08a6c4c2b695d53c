// Package success classes handlers by what they write on their success
// path: error branches (guard clauses ending in return) answering JSON
// make no API of a page or a redirect, and a JSON handler answering
// errors with a page is still an API. A value marshalled in a function
// that answers no request (a store's JSON column) is no response.
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

type store struct{}

// save keeps a value as a JSON column: no response.
func (store) save(v any) error { _, err := json.Marshal(v); return err }

// avatar writes an image read from the store.
func avatar(w http.ResponseWriter, r *http.Request) {
	_ = store{}.save(r.URL.Path)
	_, _ = w.Write([]byte{0x89})
}

// writeJSON answers with a value it marshals: a response.
func writeJSON(w http.ResponseWriter, v any) {
	b, _ := json.Marshal(v)
	_, _ = w.Write(b)
}

func list(w http.ResponseWriter, r *http.Request) { writeJSON(w, []int{}) }

// callback answers with a redirect written by hand, as generated
// servers do: a page flow.
func callback(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Location", "/")
	w.WriteHeader(http.StatusFound)
}

// notModified answers a conditional request: no redirect.
func notModified(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotModified) }

func routes() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /repos/{ref}", redirect)        // want `route GET /repos/\{ref\} page by redirect`
	mux.HandleFunc("GET /pages/{ref}", show)            // want `route GET /pages/\{ref\} page by show`
	mux.HandleFunc("GET /api/repos/{ref}", get)         // want `route GET /api/repos/\{ref\} api by get`
	mux.HandleFunc("GET /api/fail", fail)               // want `route GET /api/fail api by fail`
	mux.HandleFunc("GET /users/{id}/avatar", avatar)    // want `route GET /users/\{id\}/avatar other by avatar`
	mux.HandleFunc("GET /api/items", list)              // want `route GET /api/items api by list`
	mux.HandleFunc("GET /api/oauth/callback", callback) // want `route GET /api/oauth/callback page by callback`
	mux.HandleFunc("GET /api/etag", notModified)        // want `route GET /api/etag other by notModified`
	_ = http.ListenAndServe(":8080", mux)
}
