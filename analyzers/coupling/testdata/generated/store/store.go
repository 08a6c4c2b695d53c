// Package store keeps things.
package store

import "sync"

// Store is a service.
type Store struct{ mu sync.Mutex }

// Get gets.
func (s *Store) Get() {}

// ErrConflict is an error type: a value, whatever it holds.
type ErrConflict struct{ Retry func() error }

func (e *ErrConflict) Error() string { return "conflict" }
