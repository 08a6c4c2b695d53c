// Package humago is a stub of Huma's net/http adapter.
package humago

import (
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// Mux is a router operations are registered on.
type Mux interface {
	HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request))
	ServeHTTP(http.ResponseWriter, *http.Request)
}

// New returns an API that registers its operations on m.
func New(m Mux, config huma.Config) huma.API { return nil }

// NewWithPrefix returns an API that registers its operations on m below prefix.
func NewWithPrefix(m Mux, prefix string, config huma.Config) huma.API { return nil }
