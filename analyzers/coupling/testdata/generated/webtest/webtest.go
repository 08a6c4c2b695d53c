// Package webtest helps tests, as net/http/httptest does.
package webtest

import (
	"testing"

	"example.com/gen/store"
)

// New builds a store for a test: not reported.
func New(t *testing.T) *store.Store { t.Helper(); return &store.Store{} }
