package billing

import "example.com/shop/money"

// Rates is set by cmd/shop and read by web: hidden shared state.
var Rates = map[string]int64{"EUR": 100}

// Version is build information only package main sets: read like a
// constant, not reported.
var Version = "dev"

// Region is chosen by cmd/shop at run time and read by web: shared state
// the audit reports with the read (go vet sees web's read alone).
var Region = "eu"

// Mode is switched by billing/refunds, a package of billing, at run time
// and read by web: shared state the audit reports (go vet sees web's read
// alone).
var Mode = "live"

// Default is a service nobody writes after initialisation: read like a
// constant by the audit; go vet, which cannot see the other packages'
// writes, reports reads of a variable that is not of basic type.
var Default = &Biller{}

// Hooks is filled by billing itself at run time (a store into an element):
// reads elsewhere are shared state.
var Hooks = map[string]func(){}

// OnCharge registers a hook.
func OnCharge(name string, f func()) { Hooks[name] = f }

// Invoice is the bill for an order: data, free to use.
type Invoice struct {
	ID     int64
	Amount int64
	Total  money.Amount
}

// Charger is what dependents should use.
type Charger interface {
	Charge(amount int64) error
}

// Biller is a service: it holds a Charger.
type Biller struct {
	charger Charger
}

// Bill bills an invoice.
func (b *Biller) Bill(inv *Invoice) error { return b.charger.Charge(inv.Amount) }

// Charge issues an invoice: a function over data, no concrete dependency.
func Charge(amount int64) *Invoice { return &Invoice{Amount: amount} }
