// Package concat sets a response's content type through the header
// the Header method of an interface of its own gives, the header's
// name added up from constants.
package concat

import "net/http"

const (
	prefix = "Content-"
	suffix = "Type"
)

// headed is what has a response's header.
type headed interface{ Header() http.Header }

// JSON says the response is JSON.
func JSON(w headed) { w.Header().Set(prefix+suffix, "application/json") }
