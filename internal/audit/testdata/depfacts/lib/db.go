// Package lib is a dependency of the audited package: its SQL wrapper
// and its route registration are known to the importer through facts.
package lib

import "database/sql"

// DB wraps a database handle.
type DB struct{ db *sql.DB }

// Exec runs a statement.
func (d *DB) Exec(query string, args ...any) error {
	_, err := d.db.Exec(query, args...)
	return err
}
