package billing

// Invoice is a concrete type: other components should not spell it.
type Invoice struct {
	ID     int64
	Amount int64
}

// Total is a method: calling it through a value is not a separate site.
func (i *Invoice) Total() int64 { return i.Amount }

// Store is another concrete type.
type Store struct{}

// Receipt is part of Charger's contract: using it is not a concrete
// dependency.
type Receipt struct{ Number string }

// Charger is the interface dependents should use.
type Charger interface {
	Charge(amount int64) (*Receipt, error)
}

// Status is a named non-struct type: not a concrete dependency.
type Status string

// Open is a constant.
const Open Status = "open"

// Charge is a package-level function.
func Charge(amount int64) *Invoice { return &Invoice{Amount: amount} }

// Box is a generic struct type.
type Box[T any] struct{ V T }
