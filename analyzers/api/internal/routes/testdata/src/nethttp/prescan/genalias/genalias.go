// Package genalias dispatches on a request named through a generic
// alias.
package genalias

import "net/http"

type request[T any] = http.Request

// Serve answers by path.
func Serve(r *request[int]) string {
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
