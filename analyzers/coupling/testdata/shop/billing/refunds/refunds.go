package refunds

import (
	"example.com/shop/billing"
	"example.com/shop/billing/ledger"
	"example.com/shop/orders" // billing -> orders closes the cycle
)

// Service refunds orders.
type Service struct {
	orders *orders.Service // want `component billing depends on concrete orders\.Service of orders: 1 field \(1 use\); no use binds to the type: an interface declared where it is used would replace it`
}

// Refund refunds an order.
func (s *Service) Refund(id int64) error {
	o := s.orders.Get(id)
	billing.Mode = "refunding" // a write by another package of billing
	return ledger.Record(nil, "refunds", -o.Invoice.Amount)
}
