// Package store passes queries on to sqlwrap: it imports no database
// library itself, only a package that does.
package store

import "example.com/sqlwrap"

// Run runs query.
func Run(db sqlwrap.DB, query string, id int) error {
	return sqlwrap.Exec(db, query, id)
}
