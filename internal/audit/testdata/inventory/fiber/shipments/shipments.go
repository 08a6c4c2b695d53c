// Package shipments serves the shipments resource.
package shipments

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
)

// Shipment is a shipment as clients see it.
type Shipment struct {
	ID      string `json:"id"`
	Carrier string `json:"carrier"`
}

// Handler serves shipments.
type Handler struct{ byID map[string]Shipment }

// NewHandler returns a handler with no shipments.
func NewHandler() *Handler { return &Handler{byID: map[string]Shipment{}} }

// List lists shipments.
func (h *Handler) List(c *fiber.Ctx) error {
	out := make([]Shipment, 0, len(h.byID))
	for _, s := range h.byID {
		out = append(out, s)
	}
	return c.JSON(out)
}

// Create registers a shipment.
func (h *Handler) Create(c *fiber.Ctx) error {
	var s Shipment
	if err := c.BodyParser(&s); err != nil {
		return err
	}
	h.byID[s.ID] = s
	return c.JSON(s)
}

// Get returns a shipment.
func (h *Handler) Get(c *fiber.Ctx) error { return c.JSON(h.byID[c.Params("id")]) }

// Update replaces a shipment.
func (h *Handler) Update(c *fiber.Ctx) error { return h.Create(c) }

// Cancel cancels a shipment and answers 204 No Content.
func (h *Handler) Cancel(c *fiber.Ctx) error {
	delete(h.byID, c.Params("id"))
	return c.SendStatus(http.StatusNoContent)
}

// Label sends the shipping label, a file rendered earlier.
func (h *Handler) Label(c *fiber.Ctx) error {
	return c.SendFile("labels/" + c.Params("id") + ".pdf")
}

// Carriers lists the carriers.
func (h *Handler) Carriers(c *fiber.Ctx) error { return c.JSON([]string{"ups", "dhl"}) }

// Carrier returns one carrier.
func (h *Handler) Carrier(c *fiber.Ctx) error { return c.JSON(fiber.Map{"code": c.Params("code")}) }
