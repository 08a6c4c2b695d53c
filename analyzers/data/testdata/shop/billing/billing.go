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
