// Package articles serves the articles resource.
package articles

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
)

// Article is an article as clients see it.
type Article struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Service keeps articles.
type Service struct{ byID map[string]Article }

// NewService returns an empty service.
func NewService() *Service { return &Service{byID: map[string]Article{}} }

// Routes returns the articles sub-router; the caller mounts it.
func Routes(svc *Service) chi.Router {
	r := chi.NewRouter()
	r.Get("/", svc.list)
	r.Post("/", svc.create)
	r.Get("/{articleID}", svc.get)
	return r
}

// legacyRoutes was the articles API before chi. Nothing calls it: its
// routes are served nowhere and are not in the inventory.
func legacyRoutes(r chi.Router, svc *Service) {
	r.Get("/legacy/articles", svc.list)
}

var _ = legacyRoutes

func (s *Service) list(w http.ResponseWriter, r *http.Request) {
	out := make([]Article, 0, len(s.byID))
	for _, a := range s.byID {
		out = append(out, a)
	}
	render(w, http.StatusOK, out)
}

func (s *Service) create(w http.ResponseWriter, r *http.Request) {
	var a Article
	if err := json.NewDecoder(r.Body).Decode(&a); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.byID[a.ID] = a
	render(w, http.StatusCreated, a)
}

func (s *Service) get(w http.ResponseWriter, r *http.Request) {
	a, ok := s.byID[chi.URLParam(r, "articleID")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	render(w, http.StatusOK, a)
}

func render(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
