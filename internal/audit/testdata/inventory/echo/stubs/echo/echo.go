// Package echo is a stub of github.com/labstack/echo/v4 with the
// signatures the fixture uses.
package echo

import "net/http"

type Context interface {
	Param(name string) string
	Bind(i any) error
	JSON(code int, i any) error
	Render(code int, name string, data any) error
	String(code int, s string) error
	NoContent(code int) error
}

type HandlerFunc func(Context) error
type MiddlewareFunc func(HandlerFunc) HandlerFunc

type Route struct{}

type Echo struct{}

func New() *Echo { return &Echo{} }

func (*Echo) Use(middleware ...MiddlewareFunc)                                   {}
func (*Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route         { return nil }
func (*Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route        { return nil }
func (*Echo) Add(method, path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (*Echo) Match(methods []string, path string, h HandlerFunc, m ...MiddlewareFunc) []*Route {
	return nil
}
func (*Echo) Group(prefix string, m ...MiddlewareFunc) *Group { return nil }
func (*Echo) Static(prefix, root string) *Route               { return nil }
func (*Echo) File(path, file string, m ...MiddlewareFunc) *Route {
	return nil
}
func (*Echo) Start(address string) error { return nil }

// WrapHandler wraps an http.Handler.
func WrapHandler(h http.Handler) HandlerFunc { return nil }

type Group struct{}

func (*Group) Use(middleware ...MiddlewareFunc)                              {}
func (*Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (*Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (*Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (*Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (*Group) Group(prefix string, m ...MiddlewareFunc) *Group               { return nil }
