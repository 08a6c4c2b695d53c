// Package adapter serves handlers of its own signature through an
// adapter: handlers held in package variables built by middleware
// factories, an adapter closure, and an adapter whose own code redirects
// (adding a slash) and answers errors as text. The handlers decide the
// kind, not the adapter.
package adapter

import (
	"encoding/json"
	"net/http"
	"strings"
)

type data struct{ admin bool }

type handleFunc func(w http.ResponseWriter, r *http.Request, d *data) (int, error)

func withAdmin(fn handleFunc) handleFunc {
	return func(w http.ResponseWriter, r *http.Request, d *data) (int, error) {
		if !d.admin {
			return http.StatusForbidden, nil
		}
		return fn(w, r, d)
	}
}

func renderJSON(w http.ResponseWriter, v any) (int, error) {
	w.Header().Set("Content-Type", "application/json")
	return 0, json.NewEncoder(w).Encode(v)
}

var usersGet = withAdmin(func(w http.ResponseWriter, r *http.Request, d *data) (int, error) {
	return renderJSON(w, []string{"ann"})
})

func login(ttl int) handleFunc {
	return func(w http.ResponseWriter, r *http.Request, d *data) (int, error) {
		return renderJSON(w, map[string]int{"ttl": ttl})
	}
}

func handle(fn handleFunc, prefix string) http.Handler {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if status, err := fn(w, r, &data{}); status != 0 || err != nil {
			http.Error(w, http.StatusText(status), status)
		}
	})
	return stripPrefix(prefix, h)
}

func stripPrefix(prefix string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, prefix)
		if p == "" {
			http.Redirect(w, r, prefix+"/", http.StatusMovedPermanently)
		}
		h.ServeHTTP(w, r)
	})
}

func routes() {
	mux := http.NewServeMux()
	monkey := func(fn handleFunc, prefix string) http.Handler { return handle(fn, prefix) }
	mux.Handle("GET /api/users", monkey(usersGet, ""))                   // want `route GET /api/users api by monkey\(usersGet, ""\)`
	mux.Handle("POST /api/login", monkey(login(60), ""))                 // want `route POST /api/login api by monkey\(login\(60\), ""\)`
	mux.Handle("GET /api/raw/", handle(usersGet, "/api/raw"))            // want `route GET /api/raw/ api by handle\(usersGet, "/api/raw"\)`
	mux.Handle("GET /old/", stripPrefix("/old", http.NotFoundHandler())) // want `route GET /old/ page by stripPrefix\(\"/old\", http.NotFoundHandler\(\)\)`
	_ = http.ListenAndServe(":8080", mux)
}
