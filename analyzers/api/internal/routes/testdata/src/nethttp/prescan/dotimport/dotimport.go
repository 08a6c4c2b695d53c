// Package dotimport registers a route on a router named through a dot
// import: no qualified identifier names net/http.
package dotimport

import . "net/http"

// Register registers the health route.
func Register(m *ServeMux) {
	m.HandleFunc("/health", func(w ResponseWriter, _ *Request) { _, _ = w.Write([]byte("ok")) })
}
