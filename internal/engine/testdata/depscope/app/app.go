// Package app writes orders through a store module, which passes the
// query on to a wrapper of database/sql in a third module.
package app

import (
	"database/sql"

	"example.com/doc"
	"example.com/plain"
	"example.com/sdk"
	"example.com/sdk/enums"
	"example.com/store"
)

// Order is an order and the thing it stores, of another service.
type Order struct {
	ID    int
	Thing sdk.Thing
	Color enums.Color
}

// Endpoint names the other service.
func Endpoint() string { return sdk.DefaultEndpoint + "/" + sdk.Version }

// Checkout saves an order.
func Checkout(db *sql.DB, id int) error {
	_ = doc.Words(id)
	return store.Run(db, "INSERT INTO orders (id) VALUES ($1)", plain.Clamp(id))
}
