// Package humaops answers Huma operations with the output's Body: a
// stored model there, directly or through a generic output, is exposed;
// a response type of its own is not.
package humaops

import (
	"context"

	"github.com/danielgtaylor/huma/v2"

	"storage/store"
)

// OrderOutput answers with a stored order.
type OrderOutput struct{ Body *store.Order }

// ViewOutput answers with a view of its own.
type ViewOutput struct{ Body store.View }

// Page answers with a page of items.
type Page[T any] struct{ Body []T }

func order(ctx context.Context, in *struct{}) (*OrderOutput, error) { return nil, nil }

func view(ctx context.Context, in *struct{}) (*ViewOutput, error) { return nil, nil }

func page[T any](ctx context.Context, in *struct{}) (*Page[T], error) { return nil, nil }

// Register registers the operations.
func Register(api huma.API) {
	huma.Get(api, "/orders/{id}", order) // want `component storage encodes store\.Order, a database model \(rows scanned into its fields\), directly as JSON responses at 2 sites`
	huma.Get(api, "/views/{id}", view)
	huma.Get(api, "/orders", page[store.Order])
}
