package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"example.com/shop/catalog"
)

// apiProduct is the public JSON representation of a product.
type apiProduct struct {
	ID          int64          `json:"id"`
	SKU         string         `json:"sku"`
	Name        string         `json:"name"`
	Description string         `json:"description"`
	Category    string         `json:"category"`
	Price       apiMoney       `json:"price"`
	InStock     bool           `json:"in_stock"`
	Attributes  map[string]any `json:"attributes,omitempty"`
}

type apiMoney struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

func toAPIProduct(p catalog.Product) apiProduct {
	return apiProduct{
		ID:          p.ID,
		SKU:         p.SKU,
		Name:        p.Name,
		Description: p.Description,
		Category:    p.Category,
		Price:       apiMoney{Amount: p.PriceCents, Currency: p.Currency},
		InStock:     p.InStock(),
		Attributes:  p.Attributes,
	}
}

func (s *Server) apiListProducts(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	opts := catalog.ListOptions{Category: q.Get("category")}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			writeAPIError(w, http.StatusBadRequest, "limit must be a positive integer")
			return
		}
		opts.Limit = n
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			writeAPIError(w, http.StatusBadRequest, "offset must be a non-negative integer")
			return
		}
		opts.Offset = n
	}
	products, err := s.catalog.List(r.Context(), opts)
	if err != nil {
		s.log.ErrorContext(r.Context(), "api: list products", "err", err)
		writeAPIError(w, http.StatusInternalServerError, "could not list products")
		return
	}
	out := make([]apiProduct, 0, len(products))
	for _, p := range products {
		out = append(out, toAPIProduct(p))
	}
	writeAPI(w, http.StatusOK, map[string]any{"products": out})
}

func (s *Server) apiGetProduct(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		writeAPIError(w, http.StatusBadRequest, "invalid product id")
		return
	}
	p, err := s.catalog.Product(r.Context(), id)
	if errors.Is(err, catalog.ErrNotFound) {
		writeAPIError(w, http.StatusNotFound, "product not found")
		return
	}
	if err != nil {
		s.log.ErrorContext(r.Context(), "api: get product", "product_id", id, "err", err)
		writeAPIError(w, http.StatusInternalServerError, "could not load product")
		return
	}
	writeAPI(w, http.StatusOK, toAPIProduct(p))
}

func (s *Server) apiCategories(w http.ResponseWriter, r *http.Request) {
	categories, err := s.catalog.Categories(r.Context())
	if err != nil {
		s.log.ErrorContext(r.Context(), "api: categories", "err", err)
		writeAPIError(w, http.StatusInternalServerError, "could not list categories")
		return
	}
	writeAPI(w, http.StatusOK, map[string]any{"categories": categories})
}

func writeAPI(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeAPIError(w http.ResponseWriter, status int, msg string) {
	writeAPI(w, status, map[string]string{"error": msg})
}
