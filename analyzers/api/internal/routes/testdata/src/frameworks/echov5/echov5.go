// Package echov5 serves routes with echo v5, whose context is a struct.
package echov5

import "github.com/labstack/echo/v5"

func list(c *echo.Context) error { return c.JSON(200, []int{}) }

func home(c *echo.Context) error { return c.HTML(200, "<html>") }

func serve() {
	e := echo.New()
	e.GET("/", home) // want `route GET / page by home`
	api := e.Group("/api/v1")
	api.GET("/items", list)        // want `route GET /api/v1/items api by list`
	api.DELETE("/items/:id", list) // want `route DELETE /api/v1/items/:id api by list`
	_ = e.Start(":8080")
}
