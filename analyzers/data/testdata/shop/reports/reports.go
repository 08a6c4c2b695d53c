// Package reports reads everything.
package reports

import (
	"context"

	"example.com/shop/platform/db"
)

func Daily(ctx context.Context, q *db.Q) error {
	if _, err := q.Query(ctx, "SELECT count(*) FROM customers"); err != nil {
		return err
	}
	_, err := q.Query(ctx, "SELECT count(*) FROM invoices")
	return err
}
