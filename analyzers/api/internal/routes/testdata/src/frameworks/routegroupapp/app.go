// Package routegroupapp registers its routes through go-pkgz/routegroup:
// bundles mounted below base paths, groups configured in callbacks,
// Go 1.22 patterns with methods. The library's own registrations are no
// routes of the service.
package routegroupapp

import (
	"encoding/json"
	"net/http"

	"github.com/go-pkgz/routegroup"
)

func config(w http.ResponseWriter, r *http.Request) {
	_ = json.NewEncoder(w).Encode(map[string]string{})
}

func rss(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/rss+xml")
}

func auth(next http.Handler) http.Handler { return next }

func serve() {
	router := routegroup.New(http.NewServeMux())
	api := router.Mount("/api/v1")
	api.HandleFunc("GET /config", config) // want `route GET /api/v1/config api by config`
	api.Route(func(open *routegroup.Bundle) {
		open.HandleFunc("GET /rss/post", rss) // want `route GET /api/v1/rss/post api by rss`
	})
	admin := api.Mount("/admin").With(auth)
	admin.HandleFunc("DELETE /comment/{id}", config) // want `route DELETE /api/v1/admin/comment/\{id\} api by config`
	router.HandleFiles("/web/", http.Dir("web"))     // want `route GET /web/ static`
	legacy := routegroup.Mount(http.NewServeMux(), "/legacy")
	legacy.HandleRoot("GET", http.HandlerFunc(config)) // want `route GET /legacy api by http.HandlerFunc\(config\)`
	_ = http.ListenAndServe(":8080", router)
	_ = http.ListenAndServe(":8081", legacy)
}
