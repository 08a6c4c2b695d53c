// Package migrations holds the versioned schema migrations. Every table
// they touch is schema (ddl) in the inventory, the bookkeeping included.
package migrations

import (
	"context"
	"database/sql"
)

var steps = []string{
	`CREATE TABLE customers (
		id bigserial PRIMARY KEY,
		email text NOT NULL UNIQUE,
		deleted_at timestamptz
	)`,
	`CREATE TABLE orders (
		id bigserial PRIMARY KEY,
		customer_id bigint NOT NULL REFERENCES customers (id),
		status text NOT NULL,
		total bigint NOT NULL,
		archived boolean NOT NULL DEFAULT false,
		created_at timestamptz NOT NULL DEFAULT now()
	)`,
	`ALTER TABLE orders ADD COLUMN note text`,
}

// Apply runs the steps not applied yet.
func Apply(ctx context.Context, db *sql.DB) error {
	var version int
	if err := db.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&version); err != nil {
		return err
	}
	for i := version; i < len(steps); i++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, steps[i]); err != nil {
			_ = tx.Rollback()
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version) VALUES ($1)", i+1); err != nil {
			_ = tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
