// Package customers serves the customers resource.
package customers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Customer is a customer as clients see it.
type Customer struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Handler serves customers.
type Handler struct{ byID map[string]Customer }

// NewHandler returns a handler with no customers.
func NewHandler() *Handler { return &Handler{byID: map[string]Customer{}} }

// List lists customers.
func (h *Handler) List(c echo.Context) error {
	out := make([]Customer, 0, len(h.byID))
	for _, cu := range h.byID {
		out = append(out, cu)
	}
	return c.JSON(http.StatusOK, out)
}

// Create adds a customer.
func (h *Handler) Create(c echo.Context) error {
	var cu Customer
	if err := c.Bind(&cu); err != nil {
		return err
	}
	h.byID[cu.ID] = cu
	return c.JSON(http.StatusCreated, cu)
}

// Get returns a customer.
func (h *Handler) Get(c echo.Context) error {
	return c.JSON(http.StatusOK, h.byID[c.Param("id")])
}

// Update replaces a customer.
func (h *Handler) Update(c echo.Context) error { return h.Create(c) }

// Delete deletes a customer and answers the deleted customer.
func (h *Handler) Delete(c echo.Context) error {
	cu := h.byID[c.Param("id")]
	delete(h.byID, cu.ID)
	return c.JSON(http.StatusOK, cu)
}
