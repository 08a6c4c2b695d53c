package orders

import (
	"reach/billing"                   // root package: public
	"reach/billing/api"               // named api: public
	"reach/billing/ledger"            // want `component orders reaches into internal package reach/billing/ledger of billing \(2 sites\); use its public packages`
	"reach/internal/payments"         // root of component internal/payments: public
	"reach/internal/payments/gateway" // want `component orders reaches into internal package reach/internal/payments/gateway of payments \(1 site\); use its public packages`
)

func Place(c api.Client) error {
	_ = billing.Open
	_ = payments.Pay + len(gateway.Name)
	if err := c.Invoice(1); err != nil {
		return err
	}
	return ledger.Record(ledger.Revenue, 10) // a function over data: no concrete dependency
}
