package b

// T is concrete.
type T struct{}
