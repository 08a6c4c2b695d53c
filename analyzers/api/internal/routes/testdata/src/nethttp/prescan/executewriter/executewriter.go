// Package executewriter renders its pages into the writer it is handed:
// a template executed into an interface, which may be a response.
package executewriter

import (
	"html/template"
	"io"
)

var pages = template.Must(template.New("home").Parse("<p>home</p>"))

// Render writes the named page.
func Render(w io.Writer, name string) error {
	return pages.ExecuteTemplate(w, name, nil)
}
