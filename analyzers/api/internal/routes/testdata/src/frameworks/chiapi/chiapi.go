package chiapi

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
)

// Routes registers the item routes on r.
func Routes(r chi.Router) {
	r.Get("/items", listItems)
	r.Route("/items/{id}", func(r chi.Router) {
		r.Delete("/", listItems)
	})
}

func listItems(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode([]int{}) }

// GinRoutes registers the gin routes on g.
func GinRoutes(g *gin.RouterGroup) {
	g.POST("/items", func(c *gin.Context) { c.JSON(201, nil) })
}
