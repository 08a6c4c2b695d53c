// Package dispatchvar serves requests by testing their path held in a
// variable, read through parentheses.
package dispatchvar

import "net/http"

// Serve answers by path.
func Serve(r *http.Request) string {
	p := (r.URL).Path
	switch p {
	case "/items":
		return list()
	case "/orders":
		return orders()
	}
	return ""
}

func list() string   { return "list" }
func orders() string { return "orders" }
