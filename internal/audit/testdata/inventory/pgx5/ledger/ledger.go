// Package ledger moves money between accounts with pgx v5.
package ledger

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Ledger keeps accounts and their postings.
type Ledger struct {
	pool *pgxpool.Pool
	conn *pgx.Conn // a dedicated connection for prepared statements
}

// Balance returns an account's balance.
func (l *Ledger) Balance(ctx context.Context, account int64) (int64, error) {
	var b int64
	err := l.pool.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1", account).Scan(&b)
	return b, err
}

// Statement lists an account's postings, newest first.
func (l *Ledger) Statement(ctx context.Context, account int64) (pgx.Rows, error) {
	return l.pool.Query(ctx, `SELECT p.amount, p.posted_at, t.memo
		FROM postings p JOIN transfers t ON t.id = p.transfer_id
		WHERE p.account_id = $1 ORDER BY p.posted_at DESC`, account)
}

// Transfer moves an amount between two accounts in one transaction.
func (l *Ledger) Transfer(ctx context.Context, from, to, amount int64) error {
	tx, err := l.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback(ctx) }()
	var id int64
	if err := tx.QueryRow(ctx, "INSERT INTO transfers (amount) VALUES ($1) RETURNING id", amount).Scan(&id); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO postings (transfer_id, account_id, amount)
		VALUES ($1, $2, -$4), ($1, $3, $4)`, id, from, to, amount); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance - $2 WHERE id = $1", from, amount); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance + $2 WHERE id = $1", to, amount); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Interest credits interest to every savings account in one batch.
func (l *Ledger) Interest(ctx context.Context, rate float64) error {
	b := &pgx.Batch{}
	b.Queue("UPDATE accounts SET balance = balance * (1 + $1) WHERE kind = 'savings'", rate)
	b.Queue("INSERT INTO transfers (amount, memo) SELECT 0, 'interest' FROM accounts WHERE kind = 'savings'")
	return l.pool.SendBatch(ctx, b).Close()
}

// Prepare prepares the hot query on the dedicated connection.
func (l *Ledger) Prepare(ctx context.Context) error {
	_, err := l.conn.Prepare(ctx, "account_balance", "SELECT balance FROM accounts WHERE id = $1")
	return err
}

// Archive copies postings older than t to the audit log with COPY, then
// deletes them.
func (l *Ledger) Archive(ctx context.Context, rows [][]any, before time.Time) error {
	if _, err := l.pool.CopyFrom(ctx, pgx.Identifier{"audit_log"}, []string{"account_id", "amount", "posted_at"}, pgx.CopyFromRows(rows)); err != nil {
		return err
	}
	_, err := l.pool.Exec(ctx, "DELETE FROM postings WHERE posted_at < $1", before)
	return err
}
