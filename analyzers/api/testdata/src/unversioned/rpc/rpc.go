// Package rpc serves Connect services: the path names the protobuf
// package, whose version component versions the route.
package rpc

import "net/http"

// Serve serves the services.
func Serve(h http.Handler) {
	mux := http.NewServeMux()
	mux.Handle("/greet.v1.GreetService/", h)
	mux.Handle("/greet.GreetService/", h) // want `api root / has no version: 1 route \(/greet\.GreetService\) with 1 handler in 1 package, e\.g\. /greet\.GreetService/`
	_ = http.ListenAndServe(":8080", mux)
}
