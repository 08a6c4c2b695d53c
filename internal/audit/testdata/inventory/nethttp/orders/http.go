package orders

import (
	"encoding/json"
	"net/http"
	"time"
)

// RegisterRoutes registers the order endpoints on mux. The server mounts
// mux below /api/v1, so the paths here are relative to that.
func RegisterRoutes(mux *http.ServeMux, st *Store) {
	h := &handler{store: st}
	mux.HandleFunc("GET /orders", h.list)
	mux.HandleFunc("POST /orders", h.create)
	mux.HandleFunc("GET /orders/{id}", h.get)
	mux.HandleFunc("DELETE /orders/{id}", h.cancel)
	mux.Handle("GET /orders/stats", statsHandler{store: st})
}

// registerLegacy registered the pre-v1 endpoints. Nothing calls it any
// more: its routes are served nowhere and are not in the inventory.
func registerLegacy(mux *http.ServeMux, st *Store) {
	h := &handler{store: st}
	mux.HandleFunc("GET /legacy/orders", h.list)
}

var _ = registerLegacy

type handler struct{ store *Store }

func (h *handler) list(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, h.store.List())
}

func (h *handler) create(w http.ResponseWriter, r *http.Request) {
	var o Order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	o.Status, o.CreatedAt = "open", time.Now()
	h.store.Put(o)
	writeJSON(w, http.StatusCreated, o)
}

func (h *handler) get(w http.ResponseWriter, r *http.Request) {
	o, ok := h.store.Get(r.PathValue("id"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, o)
}

// cancel answers 204 No Content: it writes no body at all.
func (h *handler) cancel(w http.ResponseWriter, r *http.Request) {
	if !h.store.Cancel(r.PathValue("id")) {
		http.NotFound(w, r)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

type statsHandler struct{ store *Store }

func (s statsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]int{"orders": len(s.store.List())})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
