// Package books serves the books resource.
package books

import (
	"encoding/json"
	"net/http"

	"github.com/julienschmidt/httprouter"
)

// Book is a book as clients see it.
type Book struct {
	ISBN  string `json:"isbn"`
	Title string `json:"title"`
}

// Handler serves books.
type Handler struct{ byISBN map[string]Book }

// NewHandler returns a handler with no books.
func NewHandler() *Handler { return &Handler{byISBN: map[string]Book{}} }

// List lists books.
func (h *Handler) List(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	out := make([]Book, 0, len(h.byISBN))
	for _, b := range h.byISBN {
		out = append(out, b)
	}
	writeJSON(w, out)
}

// Create adds a book.
func (h *Handler) Create(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	var b Book
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	h.byISBN[b.ISBN] = b
	writeJSON(w, b)
}

// Get returns a book.
func (h *Handler) Get(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	writeJSON(w, h.byISBN[ps.ByName("isbn")])
}

// Update replaces a book.
func (h *Handler) Update(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	h.Create(w, r, ps)
}

// Delete removes a book and answers the removed book.
func (h *Handler) Delete(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	b := h.byISBN[ps.ByName("isbn")]
	delete(h.byISBN, b.ISBN)
	writeJSON(w, b)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
