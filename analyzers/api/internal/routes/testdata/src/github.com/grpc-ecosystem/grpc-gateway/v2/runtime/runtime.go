// Package runtime is a stub of grpc-gateway's runtime.
package runtime

import "net/http"

// HandlerFunc handles a request matched by a pattern.
type HandlerFunc func(w http.ResponseWriter, r *http.Request, pathParams map[string]string)

// ServeMux is the gateway's router.
type ServeMux struct{}

// NewServeMux returns a router.
func NewServeMux() *ServeMux { return &ServeMux{} }

// Handle registers a handler for a method and pattern.
func (*ServeMux) Handle(meth string, pat Pattern, h HandlerFunc) {}

// HandlePath registers a handler for a method and path template.
func (*ServeMux) HandlePath(meth string, pathPattern string, h HandlerFunc) error { return nil }

// ServeHTTP serves a request.
func (*ServeMux) ServeHTTP(http.ResponseWriter, *http.Request) {}

// Pattern is a compiled path template.
type Pattern struct{}

// NewPattern compiles a path template.
func NewPattern(version int, ops []int, pool []string, verb string) (Pattern, error) {
	return Pattern{}, nil
}

// MustPattern panics on an error.
func MustPattern(p Pattern, err error) Pattern { return p }

// ForwardResponseMessage writes a response.
func ForwardResponseMessage(w http.ResponseWriter, r *http.Request, msg any) {}
