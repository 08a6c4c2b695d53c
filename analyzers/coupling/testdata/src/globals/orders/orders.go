package orders

import (
	"errors"

	"globals/billing"
)

func Currency() string {
	return billing.DefaultCurrency // want `component orders reads exported variable billing\.DefaultCurrency of billing, hidden shared state \(2 sites\)`
}

func Stamp() int64 {
	_ = billing.DefaultCurrency
	return billing.Clock().Unix() // want `component orders reads exported variable billing\.Clock of billing, hidden shared state \(1 site\)`
}

func Tune(err error) bool {
	billing.Limits.Max = 10 // want `component orders reads and writes exported variable billing\.Limits of billing, hidden shared state \(2 sites\)`
	_ = billing.Limits.Max
	p := &billing.Counter // want `component orders writes exported variable billing\.Counter of billing, hidden shared state \(2 sites\)`
	billing.Counter++
	_ = p
	_ = billing.Version
	return errors.Is(err, billing.ErrUnknown)
}

func Reset() {
	billing.ErrUnknown = nil // want `component orders writes exported variable billing\.ErrUnknown of billing, hidden shared state \(1 site\)`
}
