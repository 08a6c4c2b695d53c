// Package httpapi builds the gin engine.
package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/gin/catalog"
	"example.com/gin/reviews"
)

// NewRouter returns the engine with every route.
func NewRouter(h *catalog.Handler) *gin.Engine {
	r := gin.New()
	r.Use(gin.Logger(), gin.Recovery())
	r.LoadHTMLGlob("templates/*")

	r.GET("/health", func(c *gin.Context) { c.String(http.StatusOK, "ok") })
	r.Static("/assets", "./web/assets")
	r.StaticFile("/favicon.ico", "./web/favicon.ico")
	r.GET("/", h.Home)

	v1 := r.Group("/api/v1")
	{
		v1.GET("/products", h.List)
		v1.GET("/products/:id", h.Get)
		v1.POST("/products", h.Create)

		admin := v1.Group("/admin", basicAuth)
		admin.PUT("/products/:id", h.Update)
		admin.DELETE("/products/:id", h.Delete)
	}
	reviews.Register(v1.Group("/products/:id/reviews"))

	r.Handle(http.MethodOptions, "/api/v1/products", h.Options)
	r.Any("/api/v1/graphql", h.GraphQL)
	r.NoRoute(func(c *gin.Context) { c.JSON(http.StatusNotFound, gin.H{"error": "not found"}) })
	return r
}

func basicAuth(c *gin.Context) { c.Next() }
