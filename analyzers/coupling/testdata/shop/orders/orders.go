package orders

import (
	"example.com/shop/billing"
	"example.com/shop/billing/ledger" // want `component orders reaches into internal package example\.com/shop/billing/ledger of billing \(1 site\); use its public packages`
	"example.com/shop/money"
)

// Order is a purchase.
type Order struct {
	ID      int64
	Invoice *billing.Invoice // data: not a concrete dependency
	Price   money.Amount     // data too
}

// Service places orders.
type Service struct{}

// Get loads an order.
func (s *Service) Get(id int64) *Order { return &Order{ID: id} }

// Place places an order.
func (s *Service) Place(amount int64) (*Order, error) {
	o := &Order{Invoice: billing.Charge(amount)}    // a function over data: no concrete dependency
	return o, ledger.Record(nil, "revenue", amount) // want `component orders depends on concrete ledger\.Record of billing: 1 call \(1 site\); depend on an interface instead`
}
