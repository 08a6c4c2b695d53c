package app

import (
	"net/http"

	"frameworks/chiapi"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/julienschmidt/httprouter"
	"github.com/labstack/echo/v4"
)

func chiMain() {
	r := chi.NewRouter()
	r.Get("/healthz", nil) // want `route GET /healthz health`
	r.Route("/v1", func(r chi.Router) {
		r.Get("/orders", nil) // want `route GET /v1/orders other`
		r.Route("/orders/{id}", func(r chi.Router) {
			r.Delete("/", nil) // want `route DELETE /v1/orders/\{id\} other`
		})
	})
	r.With(nil).Group(func(r chi.Router) {
		r.Post("/login", nil) // want `route POST /login other`
	})
	r.Mount("/admin", admin())
	r.Route("/v2", chiapi.Routes) // want `route GET /v2/items api` `route DELETE /v2/items/\{id\} api`
	api := chi.NewRouter()
	chiapi.Routes(api) // want `route GET /api/items api` `route DELETE /api/items/\{id\} api`
	r.Mount("/api", api)
	r.Method("PATCH", "/things", nil) // want `route PATCH /things other`
	_ = http.ListenAndServe(":8080", r)
}

func admin() http.Handler {
	r := chi.NewRouter()
	r.Get("/users", nil) // want `route GET /admin/users other`
	return r
}

func ginMain() {
	r := gin.Default()
	v1 := r.Group("/v1")
	{
		v1.GET("/users", func(c *gin.Context) { c.JSON(200, nil) }) // want `route GET /v1/users api`
	}
	r.GET("/page", func(c *gin.Context) { c.HTML(200, "x", nil) }) // want `route GET /page page`
	r.GET("/agents", func(c *gin.Context) {                        // want `route GET /agents api`
		if c == nil {
			c.String(500, "error: %v", nil) // an error answered in text: the handler is still an API's
			return
		}
		c.JSON(200, nil)
	})
	chiapi.GinRoutes(r.Group("/api").Group("/v2")) // want `route POST /api/v2/items api`
	r.Static("/assets", "./assets")                // want `route GET /assets static`
	r.Handle("PUT", "/x", nil)                     // want `route PUT /x other`
	_ = r.Run()
}

func echoMain() {
	e := echo.New()
	g := e.Group("/v1").Group("/admin")
	g.GET("/stats", func(c echo.Context) error { return c.JSON(200, nil) })        // want `route GET /v1/admin/stats api`
	e.POST("/form", func(c echo.Context) error { return c.Render(200, "f", nil) }) // want `route POST /form page`
	_ = e.Start(":1323")
}

func gorillaMain() {
	r := mux.NewRouter()
	r.HandleFunc("/v1/products", nil).Methods("GET", "HEAD") // want `route GET /v1/products other` `route HEAD /v1/products other`
	s := r.PathPrefix("/api").Subrouter()
	s.HandleFunc("/users/{id:[0-9]+}", nil).Methods("PUT")                                         // want `route PUT /api/users/\{id:\[0-9\]\+\} other`
	r.Path("/x").Methods("POST").HandlerFunc(nil)                                                  // want `route POST /x other`
	r.PathPrefix("/static/").Handler(http.StripPrefix("/static/", http.FileServer(http.Dir(".")))) // want `route /static/ static`
	r.PathPrefix("/preview/{size}/{path:.*}").Handler(nil).Methods("GET")                          // want `route GET /preview/\{size\}/\{path:\.\*\} other`
	sub := mux.NewRouter()
	sub.HandleFunc("/y", nil) // want `route /legacy/y other`
	r.PathPrefix("/legacy").Handler(http.StripPrefix("/legacy", sub))
	_ = http.ListenAndServe(":8080", r)
}

func httprouterMain() {
	r := httprouter.New()
	r.GET("/v1/things/:id", nil)              // want `route GET /v1/things/:id other`
	r.Handle("DELETE", "/v1/things/:id", nil) // want `route DELETE /v1/things/:id other`
	r.ServeFiles("/src/*filepath", nil)       // want `route GET /src/\*filepath static`
	_ = http.ListenAndServe(":8080", r)
}

func fiberMain() {
	app := fiber.New()
	api := app.Group("/api")
	v1 := api.Group("/v1")
	v1.Get("/list", func(c *fiber.Ctx) error { return c.JSON(nil) }) // want `route GET /api/v1/list api`
	app.Route("/v2", func(r fiber.Router) {
		r.Post("/items", nil) // want `route POST /v2/items other`
	})
	app.Static("/public", "./public") // want `route GET /public static`
	_ = app.Listen(":3000")
}
