// Package db is a shared database helper with a query wrapper.
package db

import (
	"context"
	"database/sql"
)

// DB wraps *sql.DB.
type DB struct{ sql *sql.DB }

// Exec runs a statement.
func (d *DB) Exec(ctx context.Context, query string, args ...any) error {
	_, err := d.sql.ExecContext(ctx, query, args...)
	return err
}

// EnsureSchema creates the tables at start-up.
func (d *DB) EnsureSchema(ctx context.Context) error {
	return d.Exec(ctx, schema) // want `application code issues schema ddl for products, events` `column products.attributes is a jsonb bag: its fields are a schema nobody declares` `column events.meta keeps JSON in a longblob column: its fields are a schema nobody declares` `column products.extra is a hstore bag: its fields are a schema nobody declares`
}

const schema = `
CREATE TABLE IF NOT EXISTS products (
	id BIGSERIAL PRIMARY KEY,
	name TEXT NOT NULL,
	attributes JSONB NOT NULL DEFAULT '{}'
);
CREATE TABLE events (
	id INT,
	payload LONGBLOB, -- the raw event, opaque
	meta LONGBLOB -- a JSON object
);
ALTER TABLE products ADD COLUMN extra hstore;
CREATE INDEX products_name ON products (name);
`

// Clear deletes every row of a table: a helper that formats the query
// with its caller's table name.
func (d *DB) Clear(ctx context.Context, table string) error {
	return d.Exec(ctx, "DELETE FROM "+table)
}
