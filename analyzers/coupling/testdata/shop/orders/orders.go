package orders

import (
	"sync"

	"example.com/shop/billing"
	"example.com/shop/billing/ledger" // billing is a directory, not a declared component: no surface to reach around
	"example.com/shop/money"
)

// Order is a purchase.
type Order struct {
	ID      int64
	Invoice *billing.Invoice // data: not a concrete dependency
	Price   money.Amount     // data too
}

// Service places orders; it guards its state.
type Service struct {
	mu sync.Mutex
}

// Get loads an order.
func (s *Service) Get(id int64) *Order { return &Order{ID: id} }

// Place places an order.
func (s *Service) Place(amount int64) (*Order, error) {
	o := &Order{Invoice: billing.Charge(amount)}    // a function over data: no concrete dependency
	return o, ledger.Record(nil, "revenue", amount) // a call (taking a *sql.Tx): no concrete dependency
}
