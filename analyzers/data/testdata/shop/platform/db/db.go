// Package db holds the shared query helper.
package db

import (
	"context"
	"database/sql"
)

// Q wraps *sql.DB.
type Q struct{ DB *sql.DB }

// Query runs a query.
func (q *Q) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return q.DB.QueryContext(ctx, query, args...)
}

// Exec runs a statement.
func (q *Q) Exec(ctx context.Context, query string, args ...any) error {
	_, err := q.DB.ExecContext(ctx, query, args...)
	return err
}
