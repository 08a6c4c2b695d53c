// Package humachi is a stub of Huma's chi adapter.
package humachi

import (
	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"
)

// New returns an API that registers its operations on r.
func New(r chi.Router, config huma.Config) huma.API { return nil }
