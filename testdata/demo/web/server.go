package web

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"example.com/shop/catalog"
	"example.com/shop/orders"
	"example.com/shop/users"
)

var (
	//go:embed static
	staticFiles embed.FS

	//go:embed templates/*.html
	templateFiles embed.FS
)

// Server is the storefront HTTP server.
type Server struct {
	db      *sql.DB
	catalog catalog.Catalog
	orders  *orders.Service
	users   *users.Handler
	pages   map[string]*template.Template
	static  fs.FS
	metrics metrics
	log     *slog.Logger
}

// NewServer returns a Server. It fails if the embedded templates do not parse.
func NewServer(db *sql.DB, cat catalog.Catalog, ord *orders.Service, usr *users.Handler, log *slog.Logger) (*Server, error) {
	pages, err := parsePages()
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	static, err := fs.Sub(staticFiles, "static")
	if err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	return &Server{
		db:      db,
		catalog: cat,
		orders:  ord,
		users:   usr,
		pages:   pages,
		static:  static,
		log:     log,
	}, nil
}

// Register registers the storefront routes on mux.
func (s *Server) Register(mux *http.ServeMux) {
	// Operations.
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /metrics", s.handleMetrics)
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(http.FS(s.static))))

	// Pages.
	mux.HandleFunc("GET /{$}", s.handleHome)
	mux.HandleFunc("GET /products/{id}", s.handleProductPage)
	mux.HandleFunc("GET /account", s.handleAccountPage)
	mux.HandleFunc("POST /account/newsletter", s.handleNewsletter)

	// Customer and order endpoints used by the storefront's JavaScript.
	mux.HandleFunc("GET /customers/{id}", s.users.Get)
	mux.HandleFunc("POST /customers", s.users.Create)
	mux.HandleFunc("PUT /customers/{id}/address", s.users.UpdateAddress)
	orders.RegisterRoutes(mux, s.orders)

	// Public product API.
	api := http.NewServeMux()
	api.HandleFunc("GET /products", s.apiListProducts)
	api.HandleFunc("GET /products/{id}", s.apiGetProduct)
	mux.Handle("/api/v1/", http.StripPrefix("/api/v1", api))
	mux.HandleFunc("GET /api/v1/categories", s.apiCategories)
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.db.PingContext(ctx); err != nil {
		s.log.WarnContext(ctx, "health check: database unreachable", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "database unreachable")
		return
	}
	fmt.Fprintln(w, "ok")
}
