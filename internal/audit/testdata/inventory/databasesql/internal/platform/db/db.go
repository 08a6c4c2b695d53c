// Package db wraps database/sql for the rest of the service.
package db

import (
	"context"
	"database/sql"
	"errors"
)

// DB runs statements and records how long they take.
type DB struct{ sql *sql.DB }

// New wraps a *sql.DB.
func New(db *sql.DB) *DB { return &DB{sql: db} }

// Exec runs a statement: query is SQL text, so its callers' strings are
// the queries (a wrapper).
func (d *DB) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := d.sql.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// EnsureAuditSchema creates the audit table as the service starts:
// schema issued from application code, not from a migration.
func EnsureAuditSchema(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS audit_events (
		id bigserial PRIMARY KEY,
		at timestamptz NOT NULL DEFAULT now(),
		actor text NOT NULL,
		action text NOT NULL
	)`); err != nil {
		return err
	}
	_, err := db.ExecContext(ctx, "CREATE INDEX IF NOT EXISTS audit_events_at ON audit_events (at)")
	return err
}

// ErrNoRows is returned when nothing matched.
var ErrNoRows = errors.New("insert into audit_events: no rows") // an error message, not a query
