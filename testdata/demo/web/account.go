package web

import (
	"database/sql"
	"errors"
	"net/http"
	"strconv"

	"example.com/shop/orders"
)

type accountView struct {
	Name           string
	Email          string
	BalanceCents   int64
	Currency       string
	MarketingOptIn bool
	Orders         []*orders.Order
}

// customerID returns the signed-in customer, as asserted by the auth gateway.
func customerID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.Header.Get("X-Customer-Id"), 10, 64)
	return id, err == nil && id > 0
}

func (s *Server) handleAccountPage(w http.ResponseWriter, r *http.Request) {
	id, ok := customerID(r)
	if !ok {
		http.Redirect(w, r, "/login?next=/account", http.StatusSeeOther)
		return
	}
	var v accountView
	err := s.db.QueryRowContext(r.Context(), `
		SELECT full_name, email, balance_cents, currency, marketing_opt_in
		FROM customers WHERE id = $1`, id).Scan(&v.Name, &v.Email, &v.BalanceCents, &v.Currency, &v.MarketingOptIn)
	if errors.Is(err, sql.ErrNoRows) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		s.log.ErrorContext(r.Context(), "account page", "customer_id", id, "err", err)
		http.Error(w, "Something went wrong.", http.StatusInternalServerError)
		return
	}
	if v.Orders, err = s.orders.ListForCustomer(r.Context(), id); err != nil {
		s.log.ErrorContext(r.Context(), "account page: orders", "customer_id", id, "err", err)
	}
	s.render(w, r, "account", v)
}

func (s *Server) handleNewsletter(w http.ResponseWriter, r *http.Request) {
	id, ok := customerID(r)
	if !ok {
		http.Redirect(w, r, "/login?next=/account", http.StatusSeeOther)
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "Bad request.", http.StatusBadRequest)
		return
	}
	optIn := r.PostForm.Get("opt_in") == "on"
	if _, err := s.db.ExecContext(r.Context(),
		`UPDATE customers SET marketing_opt_in = $1, updated_at = now() WHERE id = $2`, optIn, id); err != nil {
		s.log.ErrorContext(r.Context(), "newsletter preference", "customer_id", id, "err", err)
		http.Error(w, "Something went wrong.", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}
