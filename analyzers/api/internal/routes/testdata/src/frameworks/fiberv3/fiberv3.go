// Package fiberv3 serves routes with fiber v3, whose context is an
// interface and whose handlers are untyped.
package fiberv3

import "github.com/gofiber/fiber/v3"

func list(c fiber.Ctx) error { return c.JSON([]int{}) }

func page(c fiber.Ctx) error { return c.Render("index", nil) }

func serve() {
	app := fiber.New()
	app.Get("/", page) // want `route GET / page by page`
	api := app.Group("/api")
	api.Get("/items", list)  // want `route GET /api/items api by list`
	api.Post("/items", list) // want `route POST /api/items api by list`
	_ = app.Listen(":8080")
}
