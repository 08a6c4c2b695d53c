package orders

import (
	"concrete/billing"
)

type Order struct {
	ID      int64
	Invoice *billing.Invoice // want `component orders depends on concrete billing\.Invoice, billing\.Store, billing\.Charge and 1 more of billing: 1 field, 1 param, 1 result, 2 literals, 2 assertions, 1 embedded, 1 type, 1 call, 1 func \(11 sites\); depend on an interface instead`
	Status  billing.Status
	charger billing.Charger
}

type wrapped struct {
	*billing.Store
}

func lookup(inv billing.Invoice) (*billing.Invoice, error) { return nil, nil }

func place(amount int64) {
	inv := billing.Charge(amount)
	_ = inv.Total()
	_ = billing.Invoice{ID: 1}
	_ = []billing.Invoice{}
	var x any = inv
	_, _ = x.(*billing.Invoice)
	switch x.(type) {
	case billing.Store:
	}
	var b billing.Box[int]
	_ = b
	f := billing.Charge
	_ = f
	_ = billing.Open
}
