package catalog

import (
	"context"
	"errors"
)

// ErrNotFound is returned when a product does not exist or is not for sale.
var ErrNotFound = errors.New("catalog: product not found")

// Product is an item for sale.
type Product struct {
	ID          int64
	SKU         string
	Name        string
	Description string
	Category    string
	PriceCents  int64
	Currency    string
	Stock       int
	Featured    bool
	// Attributes holds free-form, category-specific details such as size or colour.
	Attributes map[string]any
}

// InStock reports whether at least one unit can be sold.
func (p Product) InStock() bool { return p.Stock > 0 }

// ListOptions filters and pages a product listing.
type ListOptions struct {
	// Category restricts the listing to one category; empty means all.
	Category string
	Limit    int
	Offset   int
}

// Catalog is the read-only view of the catalogue used by the storefront and
// by checkout.
type Catalog interface {
	// Product returns an active product by ID, or ErrNotFound.
	Product(ctx context.Context, id int64) (Product, error)
	// List returns active products ordered by name.
	List(ctx context.Context, opts ListOptions) ([]Product, error)
	// Featured returns the products currently featured on the home page.
	Featured(ctx context.Context) ([]Product, error)
	// Categories returns the distinct categories of active products.
	Categories(ctx context.Context) ([]string, error)
}
