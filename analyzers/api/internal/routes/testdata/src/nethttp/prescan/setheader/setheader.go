// Package setheader sets a response's content type through a header a
// function gives.
package setheader

import "net/http"

// JSON says the response is JSON.
func JSON(header func() http.Header) { header().Set("Content-Type", "application/json") }
