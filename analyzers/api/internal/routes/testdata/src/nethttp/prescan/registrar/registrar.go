// Package registrar declares a registrar interface that echo satisfies,
// a router held in it, and a handler writing nothing.
package registrar

import "github.com/labstack/echo/v4"

// Registrar is the project's own interface an echo router satisfies.
type Registrar interface {
	GET(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) *echo.Route
}

// Reg is the router.
var Reg Registrar = echo.New()

// Noop answers nothing.
func Noop(c echo.Context) error { return nil }

// Get returns the router.
func Get() Registrar { return Reg }
