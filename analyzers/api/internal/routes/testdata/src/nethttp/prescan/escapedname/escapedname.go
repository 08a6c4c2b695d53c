// Package escapedname sets a response's content type with the header's
// name written in escapes: a literal ten times longer than its value, the most escapes spend on a letter,
// which the parsed check must still read as "Content-Type". Beside it, a
// file embedded as a long literal, which it need not.
package escapedname

import "net/http"

// headed is what has a response's header.
type headed interface{ Header() http.Header }

// JSON says the response is JSON.
func JSON(w headed) {
	w.Header().Set("\U00000043\U0000006F\U0000006E\U00000074\U00000065\U0000006E\U00000074\U0000002D\U00000054\U00000079\U00000070\U00000065", "application/json")
}

// Page is a file embedded as a literal.
var Page = []byte("\x3c\x21\x64\x6f\x63\x74\x79\x70\x65\x20\x68\x74\x6d\x6c\x3e\x3c\x74\x69\x74\x6c\x65\x3e\x61\x3c\x2f\x74\x69\x74\x6c\x65\x3e")
