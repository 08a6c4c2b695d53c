// Package templatebuf executes templates into buffers of its own: a
// request's log line and a shell's completion script, never a page
// (see toBuffer). Before type-checking, an address taken says as much.
package templatebuf

import (
	"bytes"
	"net/http"
	"strings"
	"text/template"
)

var logLine = template.Must(template.New("log").Parse("{{.Method}} {{.URL}}"))

// Describe says what a request is.
func Describe(req *http.Request) string {
	var buf bytes.Buffer
	_ = logLine.Execute(&buf, req)
	return buf.String()
}

// Script is a completion script.
func Script(name string) string {
	var b strings.Builder
	_ = template.Must(template.New("s").Parse("complete {{.}}")).ExecuteTemplate(&b, "s", name)
	return b.String()
}
