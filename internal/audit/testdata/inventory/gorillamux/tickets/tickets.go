// Package tickets serves the tickets resource.
package tickets

import (
	"encoding/json"
	"net/http"

	"github.com/gorilla/mux"
)

// Ticket is a ticket as clients see it.
type Ticket struct {
	ID      string `json:"id"`
	Subject string `json:"subject"`
	Open    bool   `json:"open"`
}

// Handler serves tickets.
type Handler struct{ byID map[string]Ticket }

// NewHandler returns a handler with no tickets.
func NewHandler() *Handler { return &Handler{byID: map[string]Ticket{}} }

// List lists the tickets.
func (h *Handler) List(w http.ResponseWriter, r *http.Request) {
	out := make([]Ticket, 0, len(h.byID))
	for _, t := range h.byID {
		out = append(out, t)
	}
	reply(w, out)
}

// Create opens a ticket.
func (h *Handler) Create(w http.ResponseWriter, r *http.Request) {
	var t Ticket
	if err := json.NewDecoder(r.Body).Decode(&t); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	t.Open = true
	h.byID[t.ID] = t
	reply(w, t)
}

// Get returns a ticket.
func (h *Handler) Get(w http.ResponseWriter, r *http.Request) {
	reply(w, h.byID[mux.Vars(r)["id"]])
}

// Close closes a ticket.
func (h *Handler) Close(w http.ResponseWriter, r *http.Request) {
	t := h.byID[mux.Vars(r)["id"]]
	t.Open = false
	h.byID[t.ID] = t
	reply(w, t)
}

func reply(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
