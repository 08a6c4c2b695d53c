// Package routegroup is a stand-in for github.com/go-pkgz/routegroup: route
// groups over an http.ServeMux, whose own code registers on the mux it
// wraps.
package routegroup

import "net/http"

// Bundle is a group of routes.
type Bundle struct {
	mux      *http.ServeMux
	basePath string
}

// New makes a bundle over mux.
func New(mux *http.ServeMux) *Bundle { return &Bundle{mux: mux} }

// Mount makes a bundle over mux below basePath.
func Mount(mux *http.ServeMux, basePath string) *Bundle { return &Bundle{mux: mux, basePath: basePath} }

// ServeHTTP serves the bundle's routes.
func (b *Bundle) ServeHTTP(w http.ResponseWriter, r *http.Request) { b.mux.ServeHTTP(w, r) }

// Group makes a group with the same base path.
func (b *Bundle) Group() *Bundle { c := *b; return &c }

// Mount makes a group below basePath.
func (b *Bundle) Mount(basePath string) *Bundle { c := *b; c.basePath += basePath; return &c }

// Use adds middleware.
func (b *Bundle) Use(mw func(http.Handler) http.Handler, more ...func(http.Handler) http.Handler) {}

// With makes a group with more middleware.
func (b *Bundle) With(mw func(http.Handler) http.Handler, more ...func(http.Handler) http.Handler) *Bundle {
	return b
}

// Handle registers a handler.
func (b *Bundle) Handle(pattern string, h http.Handler) { b.mux.Handle(b.basePath+pattern, h) }

// HandleFunc registers a handler function.
func (b *Bundle) HandleFunc(pattern string, h http.HandlerFunc) {
	b.mux.HandleFunc(b.basePath+pattern, h)
}

// HandleFiles serves files below pattern.
func (b *Bundle) HandleFiles(pattern string, root http.FileSystem) {
	b.mux.Handle(b.basePath+pattern, http.FileServer(root))
}

// HandleRoot registers a handler at the group's root.
func (b *Bundle) HandleRoot(method string, h http.Handler) { b.mux.Handle(method+" "+b.basePath, h) }

// Route configures a group.
func (b *Bundle) Route(configure func(*Bundle)) { configure(b.Group()) }
