// Package orders owns the orders table.
package orders

import (
	"context"

	"example.com/shop/platform/db"
	"example.com/shop/platform/store"
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

// WishFor records a wish with the order: a second component writes
// wishes through the same generated method.
func WishFor(ctx context.Context, s *store.Queries, customer, product int64) error {
	return s.SaveWish(ctx, customer, product)
}
