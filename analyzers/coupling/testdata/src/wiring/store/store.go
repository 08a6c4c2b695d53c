// Package store stores.
package store

// Store is a service.
type Store struct{ ch chan int }

// Save saves.
func (s *Store) Save() { s.ch <- 1 }
