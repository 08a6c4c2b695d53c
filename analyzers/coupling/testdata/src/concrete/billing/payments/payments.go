package payments

import "concrete/billing"

// Same component: uses of billing's concrete types are not reported.
func Pay(inv *billing.Invoice) billing.Invoice { return *billing.Charge(inv.Amount) }
