// Package shadowpair hands its own method a content type, on a value
// named like an import that has a function of the method's name.
package shadowpair

import "io"

type header struct{ set func(k, v string) }

// Copy sets a header.
func (h header) Copy(k, v string) { h.set(k, v) }

// Page writes a page.
func Page(w io.Writer, set func(k, v string)) {
	write(w)
	io := header{set}
	io.Copy("Content-Type", "text/html")
}

func write(w io.Writer) { _, _ = w.Write([]byte("<p>hi</p>")) }
