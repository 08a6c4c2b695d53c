// Package setheader sets a response's content type through the header
// the Header method of an interface of its own gives.
package setheader

import "net/http"

// headed is what has a response's header.
type headed interface{ Header() http.Header }

// JSON says the response is JSON.
func JSON(w headed) { w.Header().Set("Content-Type", "application/json") }
