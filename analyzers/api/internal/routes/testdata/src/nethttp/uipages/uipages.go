// Package uipages serves a user interface: pages rendered through the
// program's own response helpers, and the JSON endpoints their scripts
// call registered beside them (kind ui, no public API). JSON below a
// path that declares an API stays api; a router of JSON with an index
// page beside it stays api; a handler that calls another service with
// a client library's JSON header writes no JSON itself.
package uipages

import (
	"errors"
	"net/http"

	"github.com/go-resty/resty"

	"nethttp/uipages/response"
)

func render(name string) []byte { return []byte(name) }

func about(w http.ResponseWriter, r *http.Request) { response.HTML(w, r, render("about")) }

func unread(w http.ResponseWriter, r *http.Request) { response.HTML(w, r, string(render("unread"))) }

func settings(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("bad") != "" {
		response.JSONBadRequest(w, r, errors.New("bad")) // an error branch says nothing
		return
	}
	response.HTML(w, r, render("settings"))
}

func entryStatus(w http.ResponseWriter, r *http.Request) { response.JSON(w, r, 1) }

func star(w http.ResponseWriter, r *http.Request) { response.JSON(w, r, true) }

// icon answers an SVG file: image/svg+xml is a file, no XML for programs.
func icon(w http.ResponseWriter, r *http.Request) {
	response.NewBuilder(w, r).WithHeader("Content-Type", "image/svg+xml").Write()
}

func robots(w http.ResponseWriter, r *http.Request) { response.Text(w, r, "User-agent: *") }

// notify tells another service, and answers with nothing of its own.
func notify(w http.ResponseWriter, r *http.Request) {
	_ = resty.R().SetHeader("Content-Type", "application/json").Post("http://hooks/")
	w.WriteHeader(http.StatusAccepted)
}

// Serve is the user interface: five pages, four JSON routes.
func Serve() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /about", about)               // want `route GET /about page by about`
	mux.HandleFunc("GET /unread", unread)             // want `route GET /unread page by unread`
	mux.HandleFunc("GET /settings", settings)         // want `route GET /settings page by settings`
	mux.HandleFunc("GET /starred", unread)            // want `route GET /starred page by unread`
	mux.HandleFunc("GET /history", unread)            // want `route GET /history page by unread`
	mux.HandleFunc("POST /entry/status", entryStatus) // want `route POST /entry/status ui by entryStatus`
	mux.HandleFunc("POST /entry/star", star)          // want `route POST /entry/star ui by star`
	mux.HandleFunc("GET /api/entries", entryStatus)   // want `route GET /api/entries api by entryStatus`
	mux.HandleFunc("GET /v1/entries", entryStatus)    // want `route GET /v1/entries api by entryStatus`
	mux.HandleFunc("GET /robots.txt", robots)         // want `route GET /robots.txt static by robots`
	mux.HandleFunc("GET /icon/{name}", icon)          // want `route GET /icon/\{name\} static by icon`
	mux.HandleFunc("POST /notify", notify)            // want `route POST /notify other by notify`
	return mux
}

// API is a JSON API with its index page beside it: more JSON than pages.
func API() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", about)            // want `route GET /app/\{\$\} page by about`
	mux.HandleFunc("GET /messages", entryStatus) // want `route GET /app/messages api by entryStatus`
	mux.HandleFunc("POST /messages", star)       // want `route POST /app/messages api by star`
	return mux
}

func logout(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/", http.StatusFound) }

// Auth sends browsers on through a login flow beside a JSON endpoint:
// redirects are no pages rendered, and its JSON stays api.
func Auth() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /logout", logout)       // want `route GET /auth/logout page by logout`
	mux.HandleFunc("GET /authorize", logout)    // want `route GET /auth/authorize page by logout`
	mux.HandleFunc("POST /authorize", logout)   // want `route POST /auth/authorize page by logout`
	mux.HandleFunc("GET /version", entryStatus) // want `route GET /auth/version api by entryStatus`
	return mux
}

func main() {
	root := http.NewServeMux()
	root.Handle("/", Serve())
	root.Handle("/app/", http.StripPrefix("/app", API()))
	root.Handle("/auth/", http.StripPrefix("/auth", Auth()))
	_ = http.ListenAndServe(":8080", root)
}
