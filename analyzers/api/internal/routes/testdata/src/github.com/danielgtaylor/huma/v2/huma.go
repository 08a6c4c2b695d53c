// Package huma is a stub of github.com/danielgtaylor/huma/v2 with the
// signatures the tests need.
package huma

import (
	"context"
	"net/http"
)

// Config configures an API.
type Config struct{ OpenAPIPath string }

// DefaultConfig returns a configuration.
func DefaultConfig(title, version string) Config { return Config{} }

// Adapter is the router an API registers on.
type Adapter interface {
	Handle(op *Operation, handler func(ctx Context))
	ServeHTTP(http.ResponseWriter, *http.Request)
}

// Context is a request context.
type Context interface{}

// API is a Huma API.
type API interface {
	Adapter() Adapter
	UseMiddleware(middlewares ...func(ctx Context, next func(Context)))
}

// Operation describes one operation.
type Operation struct {
	OperationID string
	Method      string
	Path        string
	Summary     string
	Tags        []string
	Hidden      bool
}

// Group is a group of operations below prefixes.
type Group struct{ API }

// NewGroup returns a group of api below the prefixes.
func NewGroup(api API, prefixes ...string) *Group { return &Group{API: api} }

// Register registers an operation.
func Register[I, O any](api API, op Operation, handler func(context.Context, *I) (*O, error)) {}

// Get registers a GET operation.
func Get[I, O any](api API, path string, handler func(context.Context, *I) (*O, error), operationHandlers ...func(o *Operation)) {
}

// Post registers a POST operation.
func Post[I, O any](api API, path string, handler func(context.Context, *I) (*O, error), operationHandlers ...func(o *Operation)) {
}

// Delete registers a DELETE operation.
func Delete[I, O any](api API, path string, handler func(context.Context, *I) (*O, error), operationHandlers ...func(o *Operation)) {
}
