// Package concat sets a response's content type through a header a
// function gives, the header's name added up from constants.
package concat

import "net/http"

const (
	prefix = "Content-"
	suffix = "Type"
)

// JSON says the response is JSON.
func JSON(header func() http.Header) { header().Set(prefix+suffix, "application/json") }
