// Package roots registers routes at the root of routers mounted below a
// prefix. chi and fiber serve such a "/" at the mount point itself (the
// path a client calls: /v1/users, not /v1/users/); gin, echo, gorilla/mux
// and net/http keep the slash of "/", which is the path they serve, and
// serve "" (where they take it) at the prefix.
package roots

import (
	"net/http"

	"frameworks/rootparts"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

func chiMain() {
	r := chi.NewRouter()
	r.Get("/", nil) // want `route GET / other`
	r.Route("/v1/users", func(r chi.Router) {
		r.Get("/", nil)  // want `route GET /v1/users other`
		r.Post("/", nil) // want `route POST /v1/users other`
		r.Route("/{userID}", func(r chi.Router) {
			r.Get("/", nil)    // want `route GET /v1/users/\{userID\} other`
			r.Delete("/", nil) // want `route DELETE /v1/users/\{userID\} other`
		})
		r.Get("/export/", nil) // want `route GET /v1/users/export/ other`
		r.Group(func(r chi.Router) {
			r.Get("/", nil) // want `route GET /v1/users other`
		})
	})
	r.Mount("/v1/articles", rootparts.Articles()) // want `route GET /v1/articles other` `route GET /v1/articles/\{articleID\} other`
	r.Route("/v1/tags", rootparts.Tags)           // want `route GET /v1/tags other` `route POST /v1/tags other`
	r.Route("/v2", func(r chi.Router) {
		rootparts.Notes(r) // want `route GET /v2/notes other`
		rootparts.Tags(r)  // want `route GET /v2 other` `route POST /v2 other`
	})
	r.Route("/v3", localTags)
	r.Mount("/v4", localRouter())
	r.Route("/v5", func(r chi.Router) {
		r.Mount("/", localRouter())
	})
	_ = http.ListenAndServe(":8080", r)
}

func localTags(r chi.Router) {
	r.Get("/", nil) // want `route GET /v3 other`
}

func localRouter() http.Handler {
	r := chi.NewRouter()
	r.Get("/", nil) // want `route GET /v4 other` `route GET /v5 other`
	return r
}

// chiStripped serves a chi router below a subtree pattern of net/http:
// the mux serves /app/ (it redirects /app there), and StripPrefix hands
// the chi router "/".
func chiStripped() {
	app := chi.NewRouter()
	app.Get("/", nil) // want `route GET /app/ other`
	mux := http.NewServeMux()
	mux.Handle("/app/", http.StripPrefix("/app", app))
	_ = http.ListenAndServe(":8080", mux)
}

func fiberMain() {
	app := fiber.New()
	app.Get("/", nil) // want `route GET / other`
	app.Route("/carriers", func(r fiber.Router) {
		r.Get("/", nil)      // want `route GET /carriers other`
		r.Get("/:code", nil) // want `route GET /carriers/:code other`
	})
	api := app.Group("/api")
	api.Get("/", nil) // want `route GET /api other`
	v1 := api.Group("/v1")
	v1.Post("/", nil)                         // want `route POST /api/v1 other`
	rootparts.Partners(v1.Group("/partners")) // want `route GET /api/v1/partners other`
	app.Mount("/admin", rootparts.Admin())    // want `route GET /admin other` `route GET /admin/stats other`
	_ = app.Listen(":3000")
}

func ginMain() {
	r := gin.New()
	r.GET("/", nil) // want `route GET / other`
	items := r.Group("/api/v1/items")
	items.GET("", nil)                            // want `route GET /api/v1/items other`
	items.POST("/", nil)                          // want `route POST /api/v1/items/ other`
	rootparts.Reviews(r.Group("/api/v1/reviews")) // want `route GET /api/v1/reviews api` `route POST /api/v1/reviews/ api`
	_ = r.Run()
}

func echoMain() {
	e := echo.New()
	g := e.Group("/api/v2/items")
	g.GET("", nil)  // want `route GET /api/v2/items other`
	g.GET("/", nil) // want `route GET /api/v2/items/ other`
	_ = e.Start(":1323")
}

func gorillaMain() {
	r := mux.NewRouter()
	s := r.PathPrefix("/api/v3").Subrouter()
	s.HandleFunc("", nil)  // want `route /api/v3 other`
	s.HandleFunc("/", nil) // want `route /api/v3/ other`
	_ = http.ListenAndServe(":8080", r)
}
