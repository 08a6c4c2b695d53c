// Package web reads customers directly.
package web

import (
	"context"

	"example.com/shop/platform/db"
)

func Account(ctx context.Context, q *db.Q, id int64) error {
	_, err := q.Query(ctx, "SELECT email FROM customers WHERE id = $1", id)
	return err
}
