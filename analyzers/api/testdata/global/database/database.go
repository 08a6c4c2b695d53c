// Package database reads orders from their table.
package database

import (
	"database/sql"

	"example.com/global/model"
)

// Order reads one order.
func Order(db *sql.DB, id int) (model.Order, error) {
	var o model.Order
	err := db.QueryRow("SELECT id FROM orders WHERE id = $1", id).Scan(&o.ID)
	return o, err
}
