// Package wrap is a service's own router: methods that take the path
// and handler and join a prefix. Their registrations are templates; each
// call is a route, at the call.
package wrap

import (
	"encoding/json"
	"net/http"
	"path"
)

// Router joins a prefix to the paths it is given.
type Router struct {
	mux    *http.ServeMux
	prefix string
}

// New returns a router below prefix.
func New(prefix string) *Router { return &Router{mux: http.NewServeMux(), prefix: prefix} }

// Handle registers h at p below the prefix.
func (r *Router) Handle(p string, h http.Handler) { r.mux.Handle(path.Join(r.prefix, p), h) }

// Get registers a GET route.
func (r *Router) Get(p string, h http.HandlerFunc) {
	r.mux.HandleFunc("GET "+path.Join(r.prefix, p), r.logged(h))
}

// Method registers a route for a method.
func (r *Router) Method(m, p string, h http.HandlerFunc) { r.mux.HandleFunc(m+" "+p, h) }

// Pattern registers h at a whole ServeMux pattern, its method included
// ("GET /items"), as the caller writes it.
func (r *Router) Pattern(pattern string, h http.HandlerFunc) { r.mux.HandleFunc(pattern, h) }

func (r *Router) logged(h http.HandlerFunc) http.HandlerFunc { return h }

// Serve serves the router.
func (r *Router) Serve() error { return http.ListenAndServe(":8080", r.mux) }

func status(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode("ok") }

// Builtin registers the router's own routes.
func (r *Router) Builtin() {
	r.Get("/status", status) // want `route GET /\{r\.prefix\}/status api dynamic by status`
}

// get is a helper taking the router: its calls are routes, at the calls.
func get(mux *http.ServeMux, p string, h http.HandlerFunc) { mux.HandleFunc("GET "+p, h) }

// Plain serves routes registered through get.
func Plain() {
	mux := http.NewServeMux()
	get(mux, "/api/status", status) // want `route GET /api/status api by status`
	get(mux, "/ping", nil)          // want `route GET /ping health by nil`
	r := &Router{mux: mux}
	r.Pattern("PUT /api/status", status) // want `route PUT /api/status api by status`
	_ = http.ListenAndServe(":8081", mux)
}
