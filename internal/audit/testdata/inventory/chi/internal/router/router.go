// Package router builds the API's chi router.
package router

import (
	"html/template"
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/chi/articles"
	"example.com/chi/billing"
	"example.com/chi/users"
)

var accountPage = template.Must(template.New("account").Parse(`<h1>{{.}}</h1>`))

// New returns the API's handler.
func New(svc *articles.Service) http.Handler {
	r := chi.NewRouter()
	r.Use(requestID)

	r.Get("/ping", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("pong"))
	})

	r.Route("/v1", func(r chi.Router) {
		r.Mount("/articles", articles.Routes(svc))
		r.Route("/users", func(r chi.Router) {
			r.Get("/", users.List)
			r.Post("/", users.Create)
			r.Route("/{userID}", func(r chi.Router) {
				r.Get("/", users.Get)
				r.Put("/", users.Update)
				r.Delete("/", users.Delete)
			})
		})
		r.Route("/invoices", billing.InvoiceRoutes)
	})

	r.Group(func(r chi.Router) {
		r.Use(requireSession)
		r.Get("/account", func(w http.ResponseWriter, r *http.Request) {
			_ = accountPage.Execute(w, "account")
		})
	})

	r.With(requireAdmin).Get("/admin/audit", users.AuditLog)
	r.Method(http.MethodPatch, "/v1/settings", http.HandlerFunc(users.Settings))
	r.Handle("/assets/*", http.StripPrefix("/assets/", http.FileServer(http.Dir("public"))))
	billing.RegisterWebhooks(r)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) { http.Error(w, "not found", http.StatusNotFound) })
	return r
}

func requestID(next http.Handler) http.Handler      { return next }
func requireSession(next http.Handler) http.Handler { return next }
func requireAdmin(next http.Handler) http.Handler   { return next }
