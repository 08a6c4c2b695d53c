// Package headerchain sets a response's content type through a
// variable given another, given the header the Header method of an
// interface of its own gives.
package headerchain

import "net/http"

// headed is what has a response's header.
type headed interface{ Header() http.Header }

// JSON says the response is JSON.
func JSON(w headed) {
	h := w.Header()
	g := h
	g.Set("Content-Type", "application/json")
}
