// Package ptralias dispatches on a request taken as a pointer to an
// alias of *http.Request.
package ptralias

import "net/http"

type reqPtr = *http.Request

// Serve answers by path.
func Serve(rp *reqPtr) string {
	r := *rp
	switch r.URL.Path {
	case "/items":
		return list()
	case "/users":
		return users()
	}
	return ""
}

func list() string  { return "list" }
func users() string { return "users" }
