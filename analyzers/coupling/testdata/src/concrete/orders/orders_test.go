package orders

import (
	"testing"

	"concrete/billing"
)

func TestPlace(t *testing.T) {
	_ = billing.Invoice{ID: 2}
	_ = billing.Charge(3)
}
