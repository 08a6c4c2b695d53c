// Package minpair hands its own helper a content type named through the
// built-in min.
package minpair

import "io"

// Page writes a page.
func Page(w io.Writer, set func(k, v string)) {
	setHeader(set, min("Content-Type"), "text/html")
	_, _ = io.WriteString(w, "<p>hi</p>")
}

func setHeader(set func(k, v string), k, v string) { set(k, v) }
