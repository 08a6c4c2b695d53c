// Package server builds the echo instance.
package server

import (
	"expvar"
	"net/http"

	"github.com/labstack/echo/v4"

	"example.com/echo/accounts"
	"example.com/echo/customers"
)

// Config configures the server.
type Config struct {
	BasePath string // where a proxy forwards the status page: set per deployment
}

// New returns the echo instance with every route.
func New(cfg Config) *echo.Echo {
	e := echo.New()
	e.Use(requestLog)

	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	e.GET("/debug/vars", echo.WrapHandler(expvar.Handler()))
	e.Static("/static", "public")
	e.File("/robots.txt", "public/robots.txt")
	e.GET("/", func(c echo.Context) error { return c.Render(http.StatusOK, "home", nil) })
	e.GET(cfg.BasePath+"/status", func(c echo.Context) error {
		return c.JSON(http.StatusOK, map[string]string{"status": "up"})
	})

	h := customers.NewHandler()
	api := e.Group("/api")
	v2 := api.Group("/v2")
	v2.GET("/customers", h.List)
	v2.POST("/customers", h.Create)
	v2.GET("/customers/:id", h.Get)
	v2.PUT("/customers/:id", h.Update)
	v2.DELETE("/customers/:id", h.Delete)
	e.Add(http.MethodPatch, "/api/v2/customers/:id", h.Update)
	e.Match([]string{http.MethodGet, http.MethodHead}, "/api/v2/ping", func(c echo.Context) error {
		return c.JSON(http.StatusOK, map[string]bool{"pong": true})
	})
	accounts.Register(v2.Group("/accounts"))
	return e
}

func requestLog(next echo.HandlerFunc) echo.HandlerFunc { return next }
