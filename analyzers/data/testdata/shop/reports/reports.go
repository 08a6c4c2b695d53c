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

func setVersion(ctx context.Context, q *db.Q, v int) error {
	return q.Exec(ctx, "INSERT INTO schema_migrations (version) VALUES ($1)", v)
}

func version(ctx context.Context, q *db.Q) error {
	_, err := q.Query(ctx, "SELECT version FROM schemaVersion WHERE id = 1")
	return err
}
