// Package migration moves a user's data over from another service: a
// package named migration that changes no schema is application code.
package migration

import "database/sql"

// Start records that an import began.
func Start(db *sql.DB, user int64) error {
	_, err := db.Exec(`INSERT INTO migration_status (user_id) VALUES ($1)`, user)
	return err
}

// FinishMigration is named for migrations, but this package changes no
// schema: it records the import.
func FinishMigration(db *sql.DB, user int64) error {
	_, err := db.Exec(`UPDATE migration_status SET finished_at = now() WHERE user_id = $1`, user)
	return err
}
