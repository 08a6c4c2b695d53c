// Package dispatch serves requests by testing their method and path.
package dispatch

import (
	"fmt"
	"net/http"
)

// Serve answers by method and path.
func Serve(r *http.Request, out fmt.Stringer) string {
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/items":
		return list()
	case r.Method == http.MethodPost && r.URL.Path == "/items":
		return create()
	}
	return ""
}

func list() string   { return "list" }
func create() string { return "create" }
