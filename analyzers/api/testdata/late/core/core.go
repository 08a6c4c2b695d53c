// Package core serves modules it cannot know: functions of a list below
// /api, values of an interface at the root.
package core

import "net/http"

// RegisterFunc registers a module's routes.
type RegisterFunc func(mux *http.ServeMux)

// Module is a module with routes of its own.
type Module interface{ Routes(mux *http.ServeMux) }

// Serve serves the modules.
func Serve(fns []RegisterFunc, mods []Module) {
	mux := http.NewServeMux()
	api := http.NewServeMux()
	for _, fn := range fns {
		fn(api)
	}
	for _, m := range mods {
		m.Routes(mux)
	}
	mux.Handle("/api/", http.StripPrefix("/api", api))
	_ = http.ListenAndServe(":8080", mux)
}
