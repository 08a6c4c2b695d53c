package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Ledger accounts.
const (
	AccountRevenue = "revenue"
	AccountRefunds = "refunds"
)

// Entry is one movement on a ledger account. Credits are positive, debits
// negative.
type Entry struct {
	Account     string
	OrderID     int64
	AmountCents int64
	Currency    string
	Memo        string
}

// Record appends e to the ledger inside tx.
func Record(ctx context.Context, tx *sql.Tx, e Entry) error {
	if e.Account == "" || e.Currency == "" {
		return errors.New("ledger: entry needs an account and a currency")
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO ledger_entries (account, order_id, amount_cents, currency, memo)
		VALUES ($1, $2, $3, $4, $5)`,
		e.Account, e.OrderID, e.AmountCents, e.Currency, e.Memo)
	if err != nil {
		return fmt.Errorf("ledger: record %s entry for order %d: %w", e.Account, e.OrderID, err)
	}
	return nil
}

// Balance sums all entries on an account in one currency.
func Balance(ctx context.Context, db *sql.DB, account, currency string) (int64, error) {
	var cents int64
	err := db.QueryRowContext(ctx,
		`SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries WHERE account = $1 AND currency = $2`,
		account, currency).Scan(&cents)
	if err != nil {
		return 0, fmt.Errorf("ledger: balance of %s: %w", account, err)
	}
	return cents, nil
}
