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

// Charge issues an invoice.
func Charge(amount int64) *Invoice { return &Invoice{Amount: amount} }
