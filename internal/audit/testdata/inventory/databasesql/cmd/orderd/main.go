// Command orderd runs the order service.
package main

import (
	"context"
	"database/sql"
	"log"

	"example.com/databasesql/internal/migrations"
	"example.com/databasesql/internal/platform/db"
	"example.com/databasesql/internal/store"
)

func main() {
	ctx := context.Background()
	conn, err := sql.Open("postgres", "postgres://localhost/orders")
	if err != nil {
		log.Fatal(err)
	}
	if err := migrations.Apply(ctx, conn); err != nil {
		log.Fatal(err)
	}
	if err := db.EnsureAuditSchema(ctx, conn); err != nil {
		log.Fatal(err)
	}
	s := store.New(conn, db.New(conn))
	if _, err := s.Open(ctx, 42); err != nil {
		log.Printf("SELECT orders failed: %v", err) // a log message, not a query
	}
}
