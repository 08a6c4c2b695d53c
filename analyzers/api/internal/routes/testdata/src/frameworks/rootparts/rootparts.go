// Package rootparts registers routes at the root ("/" and "") of routers
// it is given or returns. Nothing here is reported: the routes are
// reported where the callers mount the routers (package roots), because
// only there is it known whether "/" is a mount point.
package rootparts

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
)

// Articles returns a chi sub-router; the caller mounts it.
func Articles() chi.Router {
	r := chi.NewRouter()
	r.Get("/", nil)
	r.Get("/{articleID}", nil)
	return r
}

// Tags registers on the chi router it is given.
func Tags(r chi.Router) {
	r.Get("/", nil)
	r.Post("/", nil)
}

// Notes mounts a sub-router of its own below the router it is given.
func Notes(r chi.Router) {
	r.Route("/notes", func(r chi.Router) {
		r.Get("/", nil)
	})
}

// Reviews registers on the gin group it is given: "" is the group
// itself, "/" the group's path with a slash.
func Reviews(g *gin.RouterGroup) {
	g.GET("", func(c *gin.Context) { c.JSON(http.StatusOK, nil) })
	g.POST("/", func(c *gin.Context) { c.JSON(http.StatusCreated, nil) })
}

// Partners registers on the fiber router it is given.
func Partners(r fiber.Router) {
	r.Get("/", nil)
}

// Admin returns a fiber app; the caller mounts it.
func Admin() *fiber.App {
	app := fiber.New()
	app.Get("/", nil)
	app.Get("/stats", nil)
	return app
}
