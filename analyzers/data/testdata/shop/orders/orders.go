// Package orders owns the orders table.
package orders

import (
	"context"

	"example.com/shop/platform/db"
)

func Place(ctx context.Context, q *db.Q, customer int64) error {
	if _, err := q.Query(ctx, "SELECT id FROM customers WHERE id = $1", customer); err != nil {
		return err
	}
	return q.Exec(ctx, "INSERT INTO orders (customer_id) VALUES ($1)", customer)
}

func Cancel(ctx context.Context, q *db.Q, id int64) error {
	return q.Exec(ctx, "UPDATE orders SET status = 'cancelled' WHERE id = $1", id)
}

func Get(ctx context.Context, q *db.Q, id int64) error {
	_, err := q.Query(ctx, "SELECT id, status FROM orders WHERE id = $1", id)
	return err
}
