package util

import "sync"

// Buffer is a concrete service.
type Buffer struct{ mu sync.Mutex }

// Do does the work.
func (Buffer) Do() {}
