// Package headervar sets a response's content type through a variable
// given the header the Header method of an interface of its own gives.
package headervar

import "net/http"

// headed is what has a response's header.
type headed interface{ Header() http.Header }

// JSON says the response is JSON.
func JSON(w headed) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
}
