// Package reviews serves the reviews of a product.
package reviews

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Review is a review as clients see it.
type Review struct {
	Stars int    `json:"stars"`
	Text  string `json:"text"`
}

// Register registers the reviews routes on the group it is given.
func Register(g *gin.RouterGroup) {
	g.GET("", list)
	g.POST("", add)
}

func list(c *gin.Context) { c.JSON(http.StatusOK, []Review{}) }

func add(c *gin.Context) {
	var r Review
	if err := c.ShouldBindJSON(&r); err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusCreated, r)
}
