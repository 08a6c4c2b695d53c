// Package shadowurl dispatches on the path of a request whose parameter
// is named like an import that exports URL: r.URL reads as url.URL.
package shadowurl

import (
	"net/http"
	"net/url"
)

// Escape escapes a path segment.
func Escape(s string) string { return url.PathEscape(s) }

// Serve answers by path.
func Serve(url *http.Request) string {
	switch url.URL.Path {
	case "/items":
		return list()
	case "/users":
		return users()
	}
	return ""
}

func list() string  { return "list" }
func users() string { return "users" }
