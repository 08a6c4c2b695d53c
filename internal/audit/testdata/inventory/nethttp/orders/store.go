// Package orders keeps the shop's orders and serves them as JSON.
package orders

import (
	"sync"
	"time"
)

// Order is one order as clients see it.
type Order struct {
	ID        string    `json:"id"`
	Customer  string    `json:"customer"`
	Total     int64     `json:"total"`
	Status    string    `json:"status"`
	CreatedAt time.Time `json:"created_at"`
}

// Store keeps orders in memory.
type Store struct {
	mu     sync.Mutex
	orders map[string]Order
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{orders: map[string]Order{}} }

// List returns every order.
func (s *Store) List() []Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Order, 0, len(s.orders))
	for _, o := range s.orders {
		out = append(out, o)
	}
	return out
}

// Get returns one order.
func (s *Store) Get(id string) (Order, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[id]
	return o, ok
}

// Put stores an order.
func (s *Store) Put(o Order) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.orders[o.ID] = o
}

// Cancel marks an order cancelled.
func (s *Store) Cancel(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[id]
	if ok {
		o.Status = "cancelled"
		s.orders[id] = o
	}
	return ok
}
