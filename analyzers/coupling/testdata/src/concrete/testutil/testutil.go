package testutil

import "concrete/billing"

// NewStore is a test helper: test-support packages build concrete
// fixtures by design, so nothing here is reported.
func NewStore() *billing.Store {
	_ = billing.Charge(1)
	return &billing.Store{}
}
