package web

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"example.com/shop/catalog"
)

var pageNames = []string{"home", "product", "account"}

var templateFuncs = template.FuncMap{
	"money": formatMoney,
}

// parsePages parses each page together with the shared layout.
func parsePages() (map[string]*template.Template, error) {
	pages := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(templateFuncs).
			ParseFS(templateFiles, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse %s page: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

func formatMoney(cents int64, currency string) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return fmt.Sprintf("%s%d.%02d %s", sign, cents/100, cents%100, currency)
}

// render executes a page into a buffer first so that a template error does
// not leave a half-written page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, page string, data any) {
	var buf bytes.Buffer
	if err := s.pages[page].Execute(&buf, data); err != nil {
		s.log.ErrorContext(r.Context(), "render page", "page", page, "err", err)
		http.Error(w, "Something went wrong.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = buf.WriteTo(w)
}

type homeView struct {
	Featured   []catalog.Product
	Categories []string
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	featured, err := s.catalog.Featured(r.Context())
	if err != nil {
		s.log.ErrorContext(r.Context(), "home: featured products", "err", err)
	}
	categories, err := s.catalog.Categories(r.Context())
	if err != nil {
		s.log.ErrorContext(r.Context(), "home: categories", "err", err)
	}
	s.render(w, r, "home", homeView{Featured: featured, Categories: categories})
}

func (s *Server) handleProductPage(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	p, err := s.catalog.Product(r.Context(), id)
	if errors.Is(err, catalog.ErrNotFound) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		s.log.ErrorContext(r.Context(), "product page", "product_id", id, "err", err)
		http.Error(w, "Something went wrong.", http.StatusInternalServerError)
		return
	}
	s.render(w, r, "product", p)
}
