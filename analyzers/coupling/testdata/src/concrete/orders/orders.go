package orders

import (
	"concrete/billing"
)

type Order struct {
	ID      int64
	Store   *billing.Store // want `component orders depends on concrete billing\.Store, billing\.Cache, billing\.Gateway and 4 more of billing: 1 field, 2 params, 1 result, 2 literals, 1 assertion, 1 embedded, 1 selector, 1 type \(10 uses\); 5 uses bind to the types; depend on an interface instead`
	Invoice *billing.Invoice
	Status  billing.Status
	charger billing.Charger
	stmt    billing.Statement
	opts    billing.Options
}

type wrapped struct {
	*billing.Cache
}

func lookup(inv billing.Invoice, w billing.Worker) (*billing.Gateway, error) { return nil, nil } // a fieldless Worker is no service

func book(l *billing.Ledger) string { // naming the type in a parameter binds nothing
	_ = l.DB.Ping() // selecting a field of another component's service binds to its representation
	l.Book()        // calling a method does not
	return l.Title  // reading its plain data fields does not
}

func metric(m *billing.Metric) string { // a record with a heap of items is no service
	_ = &billing.Metric{Name: "x"}
	return m.Name
}

func configure(r *billing.Call) *billing.Settings { // data and a record: no service
	s := &billing.Settings{Ctx: r.Context()}
	_ = s.Log
	return s
}

func save(st *billing.Statements) { // selecting the statements of a table of them binds nothing
	_, _ = st.Save.Exec()
}

func place(amount int64) {
	inv := billing.Charge(amount)
	_ = inv.Total()
	_ = billing.Invoice{ID: 1}
	_ = []billing.Invoice{}
	_ = &billing.Store{}
	_ = billing.Statement{}
	var x any = inv
	_, _ = x.(*billing.Store)
	_, _ = x.(*billing.Invoice)
	switch x.(type) {
	case billing.Worker:
	case billing.Statement:
	}
	var b billing.Box[int]
	_ = b
	_ = billing.Gateway{}
	f := billing.Charge
	_ = f
	_ = billing.Open
	_, _, _ = billing.Parse(nil, nil, nil)
	_ = billing.Sum([]int64{amount})
	_ = billing.NewStore(nil) // calls of functions are no concrete dependency, constructors included
	_ = billing.Flush(nil, nil)
	_ = billing.Deliver(billing.Config{})
	_ = billing.All()
	g := billing.NewStore
	_ = g
}
