// Package partners serves the partner integrations.
package partners

import "github.com/gofiber/fiber/v2"

// Register registers the partner routes on the group it is given.
func Register(r fiber.Router) {
	r.Get("/:id/quotes", quotes)
	r.Post("/:id/webhook", webhook)
}

func quotes(c *fiber.Ctx) error { return c.JSON([]int{}) }

func webhook(c *fiber.Ctx) error { return c.JSON(fiber.Map{"received": true}) }
