package billing

// DefaultCurrency is set by cmd/shop and read by web: hidden shared state.
var DefaultCurrency = "EUR"

// Invoice is the bill for an order.
type Invoice struct {
	ID     int64
	Amount int64
}

// Charger is what dependents should use.
type Charger interface {
	Charge(amount int64) error
}

// Charge issues an invoice.
func Charge(amount int64) *Invoice { return &Invoice{Amount: amount} }
