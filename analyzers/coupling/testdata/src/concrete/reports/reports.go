// Package reports is no adapter: it binds to the postgres client.
package reports

import "concrete/database/postgres"

// Count selects the client's pool.
func Count(db *postgres.Postgres) error { return db.DB.Ping() } // want `component reports depends on concrete postgres\.Postgres, postgres\.Postgres\.DB of database: 1 param, 1 selector \(2 uses\); 1 use binds to the types; depend on an interface instead`
