// Package money is a data-only component: its types are the vocabulary
// of billing and orders, so it has no abstractness to measure and is not
// in the zone of pain although both depend on it.
package money

// Amount is a sum of money.
type Amount struct {
	Cents    int64
	Currency string
}

// String formats the amount.
func (a Amount) String() string { return a.Currency }

// Zero is the zero amount in a currency.
func Zero(currency string) Amount { return Amount{Currency: currency} }
