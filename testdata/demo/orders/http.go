package orders

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"example.com/shop/catalog"
)

// RegisterRoutes registers the order endpoints on mux.
func RegisterRoutes(mux *http.ServeMux, s *Service) {
	mux.HandleFunc("GET /orders", s.handleList)
	mux.HandleFunc("POST /orders", s.handleCreate)
	mux.HandleFunc("GET /orders/{id}", s.handleGet)
}

type createOrderRequest struct {
	Lines []Line `json:"lines"`
}

func (s *Service) handleList(w http.ResponseWriter, r *http.Request) {
	customerID, ok := callerID(r)
	if !ok {
		writeError(w, http.StatusUnauthorized, "not signed in")
		return
	}
	list, err := s.ListForCustomer(r.Context(), customerID)
	if err != nil {
		s.log.ErrorContext(r.Context(), "list orders", "err", err)
		writeError(w, http.StatusInternalServerError, "could not load orders")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"orders": list})
}

func (s *Service) handleCreate(w http.ResponseWriter, r *http.Request) {
	customerID, ok := callerID(r)
	if !ok {
		writeError(w, http.StatusUnauthorized, "not signed in")
		return
	}
	var req createOrderRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "malformed request body")
		return
	}
	o, err := s.Place(r.Context(), customerID, req.Lines)
	switch {
	case errors.Is(err, ErrEmptyOrder), errors.Is(err, ErrInvalidQuantity):
		writeError(w, http.StatusBadRequest, err.Error())
		return
	case errors.Is(err, catalog.ErrNotFound):
		writeError(w, http.StatusUnprocessableEntity, "unknown product")
		return
	case err != nil:
		s.log.ErrorContext(r.Context(), "place order", "customer_id", customerID, "err", err)
		writeError(w, http.StatusInternalServerError, "could not place order")
		return
	}
	w.Header().Set("Location", "/orders/"+strconv.FormatInt(o.ID, 10))
	writeJSON(w, http.StatusCreated, o)
}

func (s *Service) handleGet(w http.ResponseWriter, r *http.Request) {
	customerID, ok := callerID(r)
	if !ok {
		writeError(w, http.StatusUnauthorized, "not signed in")
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid order id")
		return
	}
	o, err := s.Get(r.Context(), id)
	if errors.Is(err, ErrNotFound) || (err == nil && o.CustomerID != customerID) {
		writeError(w, http.StatusNotFound, "order not found")
		return
	}
	if err != nil {
		s.log.ErrorContext(r.Context(), "get order", "order_id", id, "err", err)
		writeError(w, http.StatusInternalServerError, "could not load order")
		return
	}
	writeJSON(w, http.StatusOK, o)
}

// callerID returns the signed-in customer, as asserted by the auth gateway.
func callerID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.Header.Get("X-Customer-Id"), 10, 64)
	return id, err == nil && id > 0
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Warn("write response", "err", err)
	}
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
