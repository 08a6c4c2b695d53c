// Package app writes orders through a store module, which passes the
// query on to a wrapper of database/sql in a third module.
package app

import (
	"database/sql"

	"example.com/doc"
	"example.com/plain"
	"example.com/store"
)

// Checkout saves an order.
func Checkout(db *sql.DB, id int) error {
	_ = doc.Words(id)
	return store.Run(db, "INSERT INTO orders (id) VALUES ($1)", plain.Clamp(id))
}
