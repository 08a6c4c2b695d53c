// Package postgres is the storage's adapter for postgres: it binds to
// the postgres client by design, as its siblings bind to theirs. Binding
// uses from a package named as the one it uses (or below one) are the
// adapter's, no decision to reverse.
package postgres

import "concrete/database/postgres"

// Reader reads through the client.
type Reader struct {
	db *postgres.Postgres
}

// NewReader returns a reader.
func NewReader(db *postgres.Postgres) *Reader { return &Reader{db: db} }

// Ping selects the client's pool.
func (r *Reader) Ping() error { return r.db.DB.Ping() }
