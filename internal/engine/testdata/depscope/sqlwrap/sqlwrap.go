// Package sqlwrap wraps database/sql.
package sqlwrap

import "database/sql"

// DB is the database handle.
type DB = *sql.DB

// Exec runs query.
func Exec(db DB, query string, args ...any) error {
	_, err := db.Exec(query, args...)
	return err
}
