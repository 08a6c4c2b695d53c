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
	o := &Order{Invoice: billing.Charge(amount)} // want `component orders depends on concrete billing\.Charge, ledger\.Record of billing: 2 calls \(2 sites\); depend on an interface instead`
	return o, ledger.Record("revenue", amount)
}
