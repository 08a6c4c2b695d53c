// Package prefixpattern registers whole ServeMux patterns through a
// helper on a mux served below a prefix.
package prefixpattern

import "net/http"

func h(w http.ResponseWriter, r *http.Request) {}

func reg(m *http.ServeMux, pattern string, hh http.HandlerFunc) { m.HandleFunc(pattern, hh) }

// Serve serves both muxes.
func Serve() {
	root := http.NewServeMux()
	sub := http.NewServeMux()
	root.Handle("/api/", http.StripPrefix("/api", sub))
	reg(sub, "POST /local", h) // want `route POST /api/local other by h`
	reg(root, "GET /top", h)   // want `route GET /top other by h`
	_ = http.ListenAndServe(":1", root)
}
