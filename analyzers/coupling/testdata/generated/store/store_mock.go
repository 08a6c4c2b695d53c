package store

import "sync"

// MockStore is a mock (a *_mock.go file): generated surface, no service.
type MockStore struct{ mu sync.Mutex }

// Get gets.
func (m *MockStore) Get() {}
