package refunds

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"example.com/shop/billing"
	"example.com/shop/billing/ledger"
	"example.com/shop/orders"
	"example.com/shop/platform/db"
)

// ErrNotRefundable is returned for orders that cannot be refunded (already
// refunded, cancelled, or never invoiced).
var ErrNotRefundable = errors.New("refunds: order is not refundable")

// Service issues refunds.
type Service struct {
	db     *sql.DB
	orders *orders.Service
	log    *slog.Logger
}

// NewService returns a Service.
func NewService(sqlDB *sql.DB, ord *orders.Service, log *slog.Logger) *Service {
	return &Service{db: sqlDB, orders: ord, log: log}
}

// Refund refunds an order in full and returns the ID of the refund.
func (s *Service) Refund(ctx context.Context, orderID int64, reason string) (int64, error) {
	o, err := s.orders.Get(ctx, orderID)
	if err != nil {
		return 0, fmt.Errorf("refunds: load order %d: %w", orderID, err)
	}
	if !o.Refundable() || o.Invoice == nil {
		return 0, ErrNotRefundable
	}

	var refundID int64
	err = db.WithTx(ctx, s.db, func(tx *sql.Tx) error {
		now := billing.Clock().UTC()
		err := tx.QueryRowContext(ctx, `
			INSERT INTO refunds (order_id, invoice_id, amount_cents, reason, created_at)
			VALUES ($1, $2, $3, $4, $5)
			RETURNING id`,
			o.ID, o.Invoice.ID, o.TotalCents, reason, now).Scan(&refundID)
		if err != nil {
			return fmt.Errorf("refunds: insert refund: %w", err)
		}
		if _, err := tx.ExecContext(ctx,
			`UPDATE invoices SET status = $1 WHERE id = $2`, billing.InvoiceRefunded, o.Invoice.ID); err != nil {
			return fmt.Errorf("refunds: update invoice %d: %w", o.Invoice.ID, err)
		}
		if o.Invoice.Status == billing.InvoiceOpen {
			// The customer never paid, so the refund cancels what they owe.
			if _, err := tx.ExecContext(ctx,
				`UPDATE customers SET balance_cents = balance_cents - $1, updated_at = $2 WHERE id = $3`,
				o.TotalCents, now, o.CustomerID); err != nil {
				return fmt.Errorf("refunds: update balance of customer %d: %w", o.CustomerID, err)
			}
		}
		err = ledger.Record(ctx, tx, ledger.Entry{
			Account:     ledger.AccountRefunds,
			OrderID:     o.ID,
			AmountCents: -o.TotalCents,
			Currency:    o.Currency,
			Memo:        reason,
		})
		if err != nil {
			return err
		}
		return s.orders.MarkRefunded(ctx, tx, o.ID)
	})
	if err != nil {
		return 0, err
	}
	s.log.InfoContext(ctx, "order refunded", "order_id", o.ID, "refund_id", refundID)
	return refundID, nil
}

// RegisterRoutes registers the refund endpoint on mux. The route is only
// reachable through the staff gateway.
func RegisterRoutes(mux *http.ServeMux, s *Service) {
	mux.HandleFunc("POST /orders/{id}/refunds", s.handleRefund)
}

type refundRequest struct {
	Reason string `json:"reason"`
}

type refundResponse struct {
	RefundID int64 `json:"refund_id"`
	OrderID  int64 `json:"order_id"`
}

func (s *Service) handleRefund(w http.ResponseWriter, r *http.Request) {
	orderID, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid order id")
		return
	}
	var req refundRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 16<<10)).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "malformed request body")
		return
	}
	id, err := s.Refund(r.Context(), orderID, req.Reason)
	switch {
	case errors.Is(err, orders.ErrNotFound):
		writeError(w, http.StatusNotFound, "order not found")
		return
	case errors.Is(err, ErrNotRefundable):
		writeError(w, http.StatusConflict, "order cannot be refunded")
		return
	case err != nil:
		s.log.ErrorContext(r.Context(), "refund order", "order_id", orderID, "err", err)
		writeError(w, http.StatusInternalServerError, "refund failed")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(refundResponse{RefundID: id, OrderID: orderID})
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg})
}
