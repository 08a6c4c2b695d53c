// Package runeconv sets a response's content type through the header
// the Header method of an interface of its own gives, the header's
// name added up from a rune's code converted to a string type of its
// own.
package runeconv

import "net/http"

type name = string

const contentType = name(rune(67)) + "ontent-Type"

// headed is what has a response's header.
type headed interface{ Header() http.Header }

// JSON says the response is JSON.
func JSON(w headed) { w.Header().Set(contentType, "application/json") }
