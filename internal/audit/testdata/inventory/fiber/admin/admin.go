// Package admin is the back office, a fiber app of its own that the
// tracker mounts.
package admin

import "github.com/gofiber/fiber/v2"

// New returns the back office app.
func New() *fiber.App {
	app := fiber.New()
	app.Get("/stats", func(c *fiber.Ctx) error { return c.Render("stats", fiber.Map{}) })
	return app
}
