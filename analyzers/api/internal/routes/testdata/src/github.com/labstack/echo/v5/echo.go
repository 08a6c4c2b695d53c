// Package echo is a stub of github.com/labstack/echo/v5: the request
// context is a struct.
package echo

// Context is a request's context.
type Context struct{}

// JSON answers JSON.
func (*Context) JSON(code int, i any) error { return nil }

// HTML answers a page.
func (*Context) HTML(code int, html string) error { return nil }

// String answers text.
func (*Context) String(code int, s string) error { return nil }

// HandlerFunc handles a request.
type HandlerFunc func(c *Context) error

// MiddlewareFunc wraps a handler.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// RouteInfo describes a route.
type RouteInfo struct{}

// Echo is the root router.
type Echo struct{}

// New returns a router.
func New() *Echo { return &Echo{} }

// GET registers a GET route.
func (*Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }

// POST registers a POST route.
func (*Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }

// Group returns a group below prefix.
func (*Echo) Group(prefix string, m ...MiddlewareFunc) *Group { return &Group{} }

// Start serves.
func (*Echo) Start(address string) error { return nil }

// Group is a group of routes.
type Group struct{}

// GET registers a GET route.
func (*Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }

// DELETE registers a DELETE route.
func (*Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }
