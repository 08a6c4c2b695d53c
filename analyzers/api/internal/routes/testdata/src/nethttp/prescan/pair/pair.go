// Package pair hands its own helper a content type.
package pair

import "io"

// Page writes a page.
func Page(w io.Writer, set func(k, v string)) {
	setHeader(set, "Content-Type", "text/html")
	_, _ = io.WriteString(w, "<p>hi</p>")
}

func setHeader(set func(k, v string), k, v string) { set(k, v) }
