// Package connectapi serves a Connect service at the path its generated
// constructor returns: an API of RPCs.
package connectapi

import (
	"net/http"

	"frameworks/greetconnect"
)

func serve() {
	mux := http.NewServeMux()
	path, handler := greetconnect.NewGreetServiceHandler(nil)
	mux.Handle(path, handler) // want `route /greet\.v1\.GreetService/ api by handler`
	_ = http.ListenAndServe(":8080", mux)
}
