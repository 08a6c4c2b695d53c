// Package runeconv sets a response's content type through a header a
// function gives, the header's name added up from a rune's code
// converted to a string type of its own.
package runeconv

import "net/http"

type name = string

const contentType = name(rune(67)) + "ontent-Type"

// JSON says the response is JSON.
func JSON(header func() http.Header) { header().Set(contentType, "application/json") }
