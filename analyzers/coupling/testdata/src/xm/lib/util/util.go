package util

// Buffer is concrete.
type Buffer struct{}
