// Package billing writes invoices, and reaches into orders.
package billing

import (
	"context"

	"example.com/shop/platform/db"
)

func Invoice(ctx context.Context, q *db.Q, order int64) error {
	if _, err := q.Query(ctx, "SELECT email FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.id = $1", order); err != nil {
		return err
	}
	if err := q.Exec(ctx, "INSERT INTO invoices (order_id) VALUES ($1)", order); err != nil {
		return err
	}
	return q.Exec(ctx, "UPDATE orders SET status = 'invoiced' WHERE id = $1", order)
}

// Totals sums in a table of the session: no table of the schema.
func Totals(ctx context.Context, q *db.Q) error {
	if err := q.Exec(ctx, "CREATE TEMP TABLE run_totals (order_id INT, total INT) ON COMMIT DROP"); err != nil {
		return err
	}
	if err := q.Exec(ctx, "INSERT INTO run_totals SELECT order_id, 1 FROM invoices WHERE order_id > 0"); err != nil {
		return err
	}
	_, err := q.Query(ctx, "SELECT order_id FROM run_totals WHERE total > 0")
	return err
}

func setVersion(ctx context.Context, q *db.Q, v int) error {
	return q.Exec(ctx, "INSERT INTO schema_migrations (version) VALUES ($1)", v)
}
