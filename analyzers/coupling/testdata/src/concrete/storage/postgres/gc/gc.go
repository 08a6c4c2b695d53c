// Package gc collects garbage of the postgres adapter: below it, an
// adapter too.
package gc

import "concrete/database/postgres"

// Collect selects the client's pool.
func Collect(db *postgres.Postgres) error { return db.DB.Ping() }
