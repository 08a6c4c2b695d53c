package orders

import (
	"reachdirs/billing/ledger"            // billing is a directory of the default rule: no declared surface, not reported
	"reachdirs/internal/payments/gateway" // nor below a container directory
)

func Place() error {
	_ = gateway.Name
	return ledger.Record(ledger.Revenue, 10)
}
