package orders

import (
	"example.com/shop/billing"
	"example.com/shop/billing/ledger" // want `component orders reaches into internal package example\.com/shop/billing/ledger of billing \(1 site\); use its public packages`
)

// Order is a purchase.
type Order struct {
	ID      int64
	Invoice *billing.Invoice // want `component orders depends on concrete billing\.Invoice, billing\.Charge, ledger\.Record of billing: 1 field, 2 calls \(3 sites\); depend on an interface instead`
}

// Service places orders.
type Service struct{}

// Get loads an order.
func (s *Service) Get(id int64) *Order { return &Order{ID: id} }

// Place places an order.
func (s *Service) Place(amount int64) (*Order, error) {
	o := &Order{Invoice: billing.Charge(amount)}
	return o, ledger.Record("revenue", amount)
}
