// Command tracker serves shipment tracking.
package main

import (
	"log"
	"net/http"

	"github.com/gofiber/fiber/v2"

	"example.com/fiber/admin"
	"example.com/fiber/partners"
	"example.com/fiber/shipments"
)

func main() {
	app := fiber.New()
	app.Get("/healthz", func(c *fiber.Ctx) error { return c.SendString("ok") })
	app.Get("/", func(c *fiber.Ctx) error { return c.Render("index", fiber.Map{}) })
	app.Static("/public", "./public")

	h := shipments.NewHandler()
	api := app.Group("/api")
	v1 := api.Group("/v1")
	v1.Get("/shipments", h.List)
	v1.Post("/shipments", h.Create)
	v1.Get("/shipments/:id", h.Get)
	v1.Put("/shipments/:id", h.Update)
	v1.Delete("/shipments/:id", h.Cancel)
	v1.Add(http.MethodPatch, "/shipments/:id", h.Update)
	v1.Get("/shipments/:id/label.pdf", h.Label)
	v1.Route("/carriers", func(r fiber.Router) {
		r.Get("/", h.Carriers)
		r.Get("/:code", h.Carrier)
	})
	partners.Register(v1.Group("/partners"))
	app.Mount("/admin", admin.New())

	log.Fatal(app.Listen(":3000"))
}
