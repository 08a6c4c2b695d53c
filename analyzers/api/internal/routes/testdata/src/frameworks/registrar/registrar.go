// Package registrar registers a route through an interface of its own
// that echo's groups satisfy: the route is below the group handed in.
package registrar

import "github.com/labstack/echo/v4"

type routeRegistrar interface {
	GET(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) *echo.Route
}

func registerEvents(router routeRegistrar) {
	router.GET("/api/v1/events", func(c echo.Context) error { return c.Blob(200, "text/event-stream", nil) }) // want `route GET /api/v1/events api by func literal`
}

func serve() {
	e := echo.New()
	g := e.Group("")
	registerEvents(g)
	_ = e.Start(":8080")
}
