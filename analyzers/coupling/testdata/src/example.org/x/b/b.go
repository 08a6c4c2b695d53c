package b

import "sync"

// T is a concrete service.
type T struct{ mu sync.Mutex }

// Do does the work.
func (T) Do() {}
