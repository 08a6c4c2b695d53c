// Package catalogue reads the database's catalogue next to its own
// tables: information_schema, pg_catalog and the pg_* system tables, the
// sqlite_* tables and the mysql schema are no tables of the application.
package catalogue

import (
	"context"
	"database/sql"

	"gorm.io/gorm"
)

func Columns(ctx context.Context, db *sql.DB) {
	db.QueryContext(ctx, "SELECT column_name FROM information_schema.columns WHERE table_name = $1", "orders") // a site, no table
	db.QueryContext(ctx, "SELECT o.id FROM orders o JOIN pg_catalog.pg_class c ON c.relname = 'orders'")       // orders only
	db.QueryContext(ctx, "SELECT count(*) FROM pg_stat_activity")                                              // a site, no table
	db.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table'")                                // a site, no table
	db.QueryContext(ctx, "SELECT user, host FROM mysql.user")                                                  // a site, no table
	db.QueryContext(ctx, "SELECT id FROM app.pg_jobs")                                                         // the application's schema
}

func Tables(db *gorm.DB) {
	var n int64
	db.Table("information_schema.tables").Count(&n) // a site, no table
	db.Table("accounts").Count(&n)                  // accounts
}
