package db

import "database/sql"

// Ping checks the database. The top directory platform holds no package,
// so the audit takes platform/db as a root of platform: public.
func Ping(conn *sql.DB) error { return nil }

// DSN builds a connection string: a function over data.
func DSN(host string, port int) string { return "" }
