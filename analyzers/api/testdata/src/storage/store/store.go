package store // want package:"tables storage/store.Order storage/store.Tagged"

import "database/sql"

// Order is scanned from the orders table.
type Order struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Tagged maps to a table by its db tags.
type Tagged struct {
	ID int64 `db:"id" json:"id"`
}

// View is a response type of its own.
type View struct {
	ID int64 `json:"id"`
}

type scanner interface{ Scan(dest ...any) error }

func scanOrder(s scanner) (*Order, error) {
	var o Order
	err := s.Scan(&o.ID, &o.Name)
	return &o, err
}

// Get loads an order.
func Get(db *sql.DB, id int64) (*Order, error) {
	return scanOrder(db.QueryRow("SELECT id, name FROM orders WHERE id = $1", id))
}
