package b

// T is a concrete service.
type T struct{}

// Do does the work.
func (T) Do() {}
