package users

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/mail"
	"strconv"
)

// Handler serves the customer JSON endpoints.
type Handler struct {
	store *Store
	log   *slog.Logger
}

// NewHandler returns a Handler backed by store.
func NewHandler(store *Store, log *slog.Logger) *Handler {
	return &Handler{store: store, log: log}
}

// Get serves a customer's own profile.
func (h *Handler) Get(w http.ResponseWriter, r *http.Request) {
	id, ok := h.authorize(w, r)
	if !ok {
		return
	}
	c, err := h.store.Get(r.Context(), id)
	if errors.Is(err, ErrNotFound) {
		writeError(w, http.StatusNotFound, "customer not found")
		return
	}
	if err != nil {
		h.log.ErrorContext(r.Context(), "get customer", "customer_id", id, "err", err)
		writeError(w, http.StatusInternalServerError, "could not load customer")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(c); err != nil {
		h.log.WarnContext(r.Context(), "write customer", "err", err)
	}
}

type signUpRequest struct {
	Email          string `json:"email"`
	FullName       string `json:"full_name"`
	Phone          string `json:"phone"`
	MarketingOptIn bool   `json:"marketing_opt_in"`
}

// Create signs up a new customer.
func (h *Handler) Create(w http.ResponseWriter, r *http.Request) {
	var req signUpRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 16<<10)).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "malformed request body")
		return
	}
	if _, err := mail.ParseAddress(req.Email); err != nil {
		writeError(w, http.StatusBadRequest, "invalid email address")
		return
	}
	c, err := h.store.Create(r.Context(), req.Email, req.FullName, req.Phone, req.MarketingOptIn)
	if errors.Is(err, ErrEmailTaken) {
		writeError(w, http.StatusConflict, "email already registered")
		return
	}
	if err != nil {
		h.log.ErrorContext(r.Context(), "create customer", "err", err)
		writeError(w, http.StatusInternalServerError, "could not create customer")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Location", "/customers/"+strconv.FormatInt(c.ID, 10))
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(c)
}

// UpdateAddress replaces the customer's postal address.
func (h *Handler) UpdateAddress(w http.ResponseWriter, r *http.Request) {
	id, ok := h.authorize(w, r)
	if !ok {
		return
	}
	var a Address
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 16<<10)).Decode(&a); err != nil {
		writeError(w, http.StatusBadRequest, "malformed request body")
		return
	}
	if len(a.Country) != 2 {
		writeError(w, http.StatusBadRequest, "country must be a two-letter ISO 3166 code")
		return
	}
	err := h.store.UpdateAddress(r.Context(), id, a)
	if errors.Is(err, ErrNotFound) {
		writeError(w, http.StatusNotFound, "customer not found")
		return
	}
	if err != nil {
		h.log.ErrorContext(r.Context(), "update address", "customer_id", id, "err", err)
		writeError(w, http.StatusInternalServerError, "could not update address")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// authorize checks that the {id} in the path is the signed-in customer.
func (h *Handler) authorize(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid customer id")
		return 0, false
	}
	if r.Header.Get("X-Customer-Id") != strconv.FormatInt(id, 10) {
		writeError(w, http.StatusForbidden, "forbidden")
		return 0, false
	}
	return id, true
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg})
}
