// Package scanrows scans rows into a value's fields through an // want package:"tables storage/scanrows.Order"
// interface of its own: it imports no database library.
package scanrows

type scanner interface{ Scan(dest ...any) error }

// Order is an order.
type Order struct {
	ID    int64
	Total int64
}

// Load reads an order.
func Load(r scanner) (Order, error) {
	var o Order
	err := r.Scan(&o.ID, &o.Total)
	return o, err
}
