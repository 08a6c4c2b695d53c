// Package web reads customers directly.
package web

import (
	"context"

	"example.com/shop/platform/db"
	"example.com/shop/platform/store"
)

func Account(ctx context.Context, q *db.Q, id int64) error {
	_, err := q.Query(ctx, "SELECT email FROM customers WHERE id = $1", id)
	return err
}

// Wish saves a wish through sqlc's generated method.
func Wish(ctx context.Context, s *store.Queries, customer, product int64) error {
	return s.SaveWish(ctx, customer, product)
}
