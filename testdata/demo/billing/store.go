package billing

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

const invoiceColumns = "id, order_id, customer_id, amount_cents, currency, status, external_ref, issued_at, paid_at"

// Store reads invoices and customer balances.
type Store struct {
	db *sql.DB
}

// NewStore returns a Store backed by db.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db}
}

// InvoiceForOrder returns the most recent invoice issued for an order, or
// nil if the order has not been invoiced.
func (s *Store) InvoiceForOrder(ctx context.Context, orderID int64) (*Invoice, error) {
	q := "SELECT " + invoiceColumns + " FROM invoices WHERE order_id = $1 ORDER BY issued_at DESC LIMIT 1"
	var (
		inv    Invoice
		paidAt sql.NullTime
	)
	err := s.db.QueryRowContext(ctx, q, orderID).Scan(&inv.ID, &inv.OrderID, &inv.CustomerID,
		&inv.AmountCents, &inv.Currency, &inv.Status, &inv.ExternalRef, &inv.IssuedAt, &paidAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("billing: invoice for order %d: %w", orderID, err)
	}
	if paidAt.Valid {
		inv.PaidAt = &paidAt.Time
	}
	return &inv, nil
}

// Balance returns what a customer currently owes, in the customer's currency.
func (s *Store) Balance(ctx context.Context, customerID int64) (cents int64, currency string, err error) {
	err = s.db.QueryRowContext(ctx,
		`SELECT balance_cents, currency FROM customers WHERE id = $1`, customerID).Scan(&cents, &currency)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", fmt.Errorf("%w: %d", ErrUnknownCustomer, customerID)
	}
	if err != nil {
		return 0, "", fmt.Errorf("billing: balance of customer %d: %w", customerID, err)
	}
	return cents, currency, nil
}

// MarkPaid records that the payment provider settled an invoice and reduces
// the customer's outstanding balance accordingly.
func (s *Store) MarkPaid(ctx context.Context, invoiceID int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("billing: mark invoice %d paid: %w", invoiceID, err)
	}
	defer tx.Rollback() // no-op once committed

	var customerID, amount int64
	err = tx.QueryRowContext(ctx, `
		UPDATE invoices SET status = $1, paid_at = $2
		WHERE id = $3 AND status = $4
		RETURNING customer_id, amount_cents`,
		InvoicePaid, Clock().UTC(), invoiceID, InvoiceOpen).Scan(&customerID, &amount)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("billing: invoice %d is not open", invoiceID)
	}
	if err != nil {
		return fmt.Errorf("billing: mark invoice %d paid: %w", invoiceID, err)
	}
	if _, err := tx.ExecContext(ctx,
		`UPDATE customers SET balance_cents = balance_cents - $1, updated_at = now() WHERE id = $2`,
		amount, customerID); err != nil {
		return fmt.Errorf("billing: settle balance of customer %d: %w", customerID, err)
	}
	return tx.Commit()
}
