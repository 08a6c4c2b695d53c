// Package lib runs statements on a database it holds: its Exec passes
// its query on to database/sql, which its signature does not show.
package lib

import "database/sql"

var db *sql.DB

// Exec runs a statement.
func Exec(query string) error {
	_, err := db.Exec(query)
	return err
}
