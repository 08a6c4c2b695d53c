// Package httpapi serves orders through a store interface: it never
// imports the package that reads the rows.
package httpapi

import (
	"encoding/json"
	"net/http"

	"example.com/global/model"
)

// Store gives orders.
type Store interface {
	Order(id int) (model.Order, error)
}

// Get serves one order.
func Get(s Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		o, _ := s.Order(1)
		_ = json.NewEncoder(w).Encode(o)
	}
}
