// Package migrations versions the schema. Its backfills and seed rows
// write every table, but that is not a component using the tables.
package migrations

import (
	"context"

	"example.com/shop/platform/db"
)

func V2(ctx context.Context, q *db.Q) error {
	if err := q.Exec(ctx, "ALTER TABLE customers ADD COLUMN tier TEXT"); err != nil {
		return err
	}
	if err := q.Exec(ctx, "UPDATE customers SET tier = 'basic'"); err != nil {
		return err
	}
	if err := q.Exec(ctx, "INSERT INTO invoices (order_id) SELECT id FROM orders WHERE status = 'paid'"); err != nil {
		return err
	}
	return q.Exec(ctx, "UPDATE orders SET status = 'done' WHERE status = 'closed'")
}
