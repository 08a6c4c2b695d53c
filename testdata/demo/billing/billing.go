package billing

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// DefaultCurrency is the ISO 4217 code new customers and orders are created
// in. cmd/shop sets it from configuration at start-up.
var DefaultCurrency = "EUR"

// Clock returns the current time. Billing timestamps go through Clock so that
// tests can pin them.
var Clock = time.Now

// Invoice status values.
const (
	InvoiceOpen     = "open"
	InvoicePaid     = "paid"
	InvoiceRefunded = "refunded"
	InvoiceVoid     = "void"
)

// ErrUnknownCustomer is returned by Charge when the customer does not exist.
var ErrUnknownCustomer = errors.New("billing: unknown customer")

// Invoice is the bill for one order.
type Invoice struct {
	ID          int64      `json:"id"`
	OrderID     int64      `json:"order_id"`
	CustomerID  int64      `json:"customer_id"`
	AmountCents int64      `json:"amount_cents"`
	Currency    string     `json:"currency"`
	Status      string     `json:"status"`
	ExternalRef string     `json:"external_ref,omitempty"`
	IssuedAt    time.Time  `json:"issued_at"`
	PaidAt      *time.Time `json:"paid_at,omitempty"`
}

// Charge issues an open invoice for an order and adds the amount to the
// customer's outstanding balance. It runs inside the caller's transaction so
// that the order and its invoice are created together.
func Charge(ctx context.Context, tx *sql.Tx, customerID, orderID, amountCents int64, currency string) (*Invoice, error) {
	if amountCents <= 0 {
		return nil, fmt.Errorf("billing: charge of %d cents for order %d", amountCents, orderID)
	}

	var stripeID string
	err := tx.QueryRowContext(ctx,
		`SELECT stripe_customer_id FROM customers WHERE id = $1 FOR UPDATE`, customerID).Scan(&stripeID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: %d", ErrUnknownCustomer, customerID)
	}
	if err != nil {
		return nil, fmt.Errorf("billing: load customer %d: %w", customerID, err)
	}

	inv := &Invoice{
		OrderID:     orderID,
		CustomerID:  customerID,
		AmountCents: amountCents,
		Currency:    currency,
		Status:      InvoiceOpen,
		ExternalRef: stripeID,
		IssuedAt:    Clock().UTC(),
	}
	err = tx.QueryRowContext(ctx, `
		INSERT INTO invoices (order_id, customer_id, amount_cents, currency, status, external_ref, issued_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		RETURNING id`,
		inv.OrderID, inv.CustomerID, inv.AmountCents, inv.Currency, inv.Status, inv.ExternalRef, inv.IssuedAt,
	).Scan(&inv.ID)
	if err != nil {
		return nil, fmt.Errorf("billing: insert invoice for order %d: %w", orderID, err)
	}

	if _, err := tx.ExecContext(ctx,
		`UPDATE customers SET balance_cents = balance_cents + $1, updated_at = $2 WHERE id = $3`,
		amountCents, inv.IssuedAt, customerID); err != nil {
		return nil, fmt.Errorf("billing: update balance of customer %d: %w", customerID, err)
	}
	return inv, nil
}
