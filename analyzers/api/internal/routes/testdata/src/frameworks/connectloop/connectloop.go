// Package connectloop registers its Connect services in a loop over a
// list of (path, handler) pairs built by a helper of its own: one route
// per element, at the path the generated constructor returns.
package connectloop

import (
	"net/http"

	"frameworks/greetconnect"
)

type entry struct {
	path    string
	handler http.Handler
}

func wrap(path string, handler http.Handler) entry { return entry{path, handler} }

// pair returns an anonymous struct, as the list's element type says.
func pair(path string, handler http.Handler) struct {
	path    string
	handler http.Handler
} {
	return struct {
		path    string
		handler http.Handler
	}{path, handler}
}

// Register registers every service on mux.
func Register(mux *http.ServeMux, opts ...greetconnect.Option) {
	handlers := []entry{
		wrap(greetconnect.NewGreetServiceHandler(nil)),
		wrap(greetconnect.NewFarewellServiceHandler(nil, opts...)),
	}
	for _, h := range handlers {
		mux.Handle(h.path, h.handler) // want `route /greet\.v1\.GreetService/ api by h\.handler` `route /greet\.v1\.FarewellService/ api by h\.handler`
	}
}

type service struct{}

// RegisterAll registers the services on mux as a method, from a list of
// anonymous structs.
func (s *service) RegisterAll(mux *http.ServeMux, opts ...greetconnect.Option) {
	handlers := []struct {
		path    string
		handler http.Handler
	}{
		pair(greetconnect.NewFarewellServiceHandler(s, opts...)),
	}
	for _, h := range handlers {
		mux.Handle(h.path, h.handler) // want `route /greet\.v1\.FarewellService/ api by h\.handler`
	}
}

func main() {
	mux := http.NewServeMux()
	Register(mux)
	other := http.NewServeMux()
	(&service{}).RegisterAll(other)
	go http.ListenAndServe(":8081", other)
	_ = http.ListenAndServe(":8080", mux)
}
