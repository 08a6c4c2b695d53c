package orders

import (
	"errors"

	"globals/billing"
)

func Currency() string {
	if billing.Debug {
		_, _ = billing.Assets.ReadFile("x")
	}
	_ = billing.Region // main writes it from the environment: the audit reports this read, go vet sees no write here
	return billing.DefaultCurrency
}

func Stamp() int64 {
	_ = billing.Requests          // want `component orders reads exported variable billing\.Requests of billing, hidden shared state \(1 site\)`
	return billing.Clock().Unix() // want `component orders reads exported variable billing\.Clock of billing, hidden shared state \(1 site\)`
}

func Tune(err error) bool {
	billing.Limits.Max = 10 // want `component orders reads and writes exported variable billing\.Limits of billing, hidden shared state \(2 sites\)`
	_ = billing.Limits.Max
	p := &billing.Counter // want `component orders reads and writes exported variable billing\.Counter of billing, hidden shared state \(3 sites\)`
	billing.Counter++
	_ = billing.Counter
	_ = p
	_ = billing.Version
	return errors.Is(err, billing.ErrUnknown)
}

func Reset() {
	billing.ErrUnknown = nil // want `component orders writes exported variable billing\.ErrUnknown of billing, hidden shared state \(1 site\)`
}
