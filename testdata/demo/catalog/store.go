package catalog

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

const (
	productColumns = `id, sku, name, description, category, price_cents, currency, stock, featured, attributes`

	defaultPageSize = 50
	maxPageSize     = 200
)

// Store is the PostgreSQL implementation of Catalog.
type Store struct {
	db *sql.DB
}

var _ Catalog = (*Store)(nil)

// NewStore returns a Store that reads products from db.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db}
}

// Product implements Catalog.
func (s *Store) Product(ctx context.Context, id int64) (Product, error) {
	row := s.db.QueryRowContext(ctx, `
		SELECT id, sku, name, description, category, price_cents, currency, stock, featured, attributes
		FROM products
		WHERE id = $1 AND active`, id)
	p, err := scanProduct(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Product{}, ErrNotFound
	}
	if err != nil {
		return Product{}, fmt.Errorf("catalog: get product %d: %w", id, err)
	}
	return p, nil
}

// List implements Catalog.
func (s *Store) List(ctx context.Context, opts ListOptions) ([]Product, error) {
	limit := opts.Limit
	if limit <= 0 {
		limit = defaultPageSize
	}
	limit = min(limit, maxPageSize)
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, sku, name, description, category, price_cents, currency, stock, featured, attributes
		FROM products
		WHERE active AND ($1 = '' OR category = $1)
		ORDER BY name
		LIMIT $2 OFFSET $3`, opts.Category, limit, max(opts.Offset, 0))
	if err != nil {
		return nil, fmt.Errorf("catalog: list products: %w", err)
	}
	return collectProducts(rows)
}

// Featured implements Catalog.
func (s *Store) Featured(ctx context.Context) ([]Product, error) {
	q := fmt.Sprintf("SELECT %s FROM products WHERE active AND featured ORDER BY name", productColumns)
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("catalog: featured products: %w", err)
	}
	return collectProducts(rows)
}

// Categories implements Catalog.
func (s *Store) Categories(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT DISTINCT category FROM products WHERE active AND category <> '' ORDER BY category`)
	if err != nil {
		return nil, fmt.Errorf("catalog: categories: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, fmt.Errorf("catalog: scan category: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// RefreshFeatured replaces the featured selection with the n newest products
// that are in stock. It is run by the nightly job in cmd/shop.
func (s *Store) RefreshFeatured(ctx context.Context, n int) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("catalog: refresh featured: %w", err)
	}
	defer tx.Rollback() // no-op once committed

	if _, err := tx.ExecContext(ctx, `UPDATE products SET featured = false`); err != nil {
		return fmt.Errorf("catalog: clear featured: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `
		UPDATE products SET featured = true, updated_at = now()
		WHERE id IN (
			SELECT id FROM products
			WHERE active AND stock > 0
			ORDER BY created_at DESC
			LIMIT $1
		)`, n); err != nil {
		return fmt.Errorf("catalog: set featured: %w", err)
	}
	return tx.Commit()
}

type scanner interface {
	Scan(dest ...any) error
}

func scanProduct(sc scanner) (Product, error) {
	var (
		p     Product
		attrs []byte
	)
	err := sc.Scan(&p.ID, &p.SKU, &p.Name, &p.Description, &p.Category,
		&p.PriceCents, &p.Currency, &p.Stock, &p.Featured, &attrs)
	if err != nil {
		return Product{}, err
	}
	if len(attrs) > 0 {
		if err := json.Unmarshal(attrs, &p.Attributes); err != nil {
			return Product{}, fmt.Errorf("decode attributes of product %d: %w", p.ID, err)
		}
	}
	return p, nil
}

func collectProducts(rows *sql.Rows) ([]Product, error) {
	defer rows.Close()
	var out []Product
	for rows.Next() {
		p, err := scanProduct(rows)
		if err != nil {
			return nil, fmt.Errorf("catalog: scan product: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("catalog: read products: %w", err)
	}
	return out, nil
}
