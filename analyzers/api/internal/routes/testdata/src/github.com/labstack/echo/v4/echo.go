// Package echo is a stub of github.com/labstack/echo/v4.
package echo

import "net/http"

type Context interface {
	JSON(code int, i any) error
	Render(code int, name string, data any) error
	HTMLBlob(code int, b []byte) error
	XMLBlob(code int, b []byte) error
	Blob(code int, contentType string, b []byte) error
}

type HandlerFunc func(Context) error
type MiddlewareFunc func(HandlerFunc) HandlerFunc

type Route struct{}

type Echo struct{}

func New() *Echo { return nil }

func (*Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return nil }
func (*Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (*Echo) Group(prefix string, m ...MiddlewareFunc) *Group             { return nil }
func (*Echo) Static(prefix, root string) *Route                           { return nil }
func (*Echo) Start(address string) error                                  { return nil }

// WrapHandler wraps an http.Handler.
func WrapHandler(h http.Handler) HandlerFunc { return nil }

type Group struct{}

func (*Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (*Group) Any(path string, h HandlerFunc, m ...MiddlewareFunc) []*Route { return nil }
func (*Group) Group(prefix string, m ...MiddlewareFunc) *Group              { return nil }
