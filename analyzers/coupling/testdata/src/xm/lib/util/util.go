package util

// Buffer is a concrete service.
type Buffer struct{}

// Do does the work.
func (Buffer) Do() {}
