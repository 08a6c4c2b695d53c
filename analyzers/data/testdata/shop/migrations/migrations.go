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

// V3 rebuilds invoices through a temporary table and drops a table
// nothing uses any more: neither name is a table of today's schema.
func V3(ctx context.Context, q *db.Q) error {
	if err := q.Exec(ctx, "CREATE TABLE invoices_new (id INT, order_id INT); INSERT INTO invoices_new SELECT id, order_id FROM invoices"); err != nil {
		return err
	}
	if err := q.Exec(ctx, "DROP TABLE invoices; ALTER TABLE invoices_new RENAME TO invoices"); err != nil {
		return err
	}
	if err := q.Exec(ctx, "DROP TABLE IF EXISTS legacy_carts"); err != nil {
		return err
	}
	// A rebuild whose rename is out of sight (a .sql migration, a dynamic
	// EXECUTE) leaves a step's table named as one.
	return q.Exec(ctx, "CREATE TABLE customers_new (id INT, email TEXT); INSERT INTO customers_new SELECT id, email FROM customers")
}
