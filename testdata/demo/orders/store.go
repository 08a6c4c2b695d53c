package orders

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Store reads and writes orders.
type Store struct {
	db *sql.DB
}

// NewStore returns a Store backed by db.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db}
}

func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("orders: query: %w", err)
	}
	return rows, nil
}

func (s *Store) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return s.db.QueryRowContext(ctx, q, args...)
}

// Get returns an order with its items.
func (s *Store) Get(ctx context.Context, id int64) (*Order, error) {
	row := s.queryRow(ctx, `
		SELECT id, customer_id, status, total_cents, currency,
		       ship_name, ship_street, ship_city, ship_postal_code, ship_country, created_at
		FROM orders WHERE id = $1`, id)
	o, err := scanOrder(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("orders: get %d: %w", id, err)
	}
	if o.Items, err = s.items(ctx, id); err != nil {
		return nil, err
	}
	return o, nil
}

// ListByCustomer returns a customer's most recent orders, newest first,
// without their items.
func (s *Store) ListByCustomer(ctx context.Context, customerID int64, limit int) ([]*Order, error) {
	rows, err := s.query(ctx, `
		SELECT id, customer_id, status, total_cents, currency,
		       ship_name, ship_street, ship_city, ship_postal_code, ship_country, created_at
		FROM orders WHERE customer_id = $1
		ORDER BY created_at DESC
		LIMIT $2`, customerID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Order
	for rows.Next() {
		o, err := scanOrder(rows)
		if err != nil {
			return nil, fmt.Errorf("orders: scan order: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

func (s *Store) items(ctx context.Context, orderID int64) ([]Item, error) {
	rows, err := s.query(ctx, `SELECT * FROM order_items WHERE order_id = $1 ORDER BY id`, orderID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []Item
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.ID, &it.OrderID, &it.ProductID, &it.Quantity, &it.UnitPriceCents); err != nil {
			return nil, fmt.Errorf("orders: scan item: %w", err)
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

// shippingAddress reads the customer's current address, which is copied onto
// the order so later address changes do not rewrite order history.
func (s *Store) shippingAddress(ctx context.Context, tx *sql.Tx, customerID int64) (Address, error) {
	var a Address
	err := tx.QueryRowContext(ctx,
		`SELECT full_name, street, city, postal_code, country FROM customers WHERE id = $1`,
		customerID).Scan(&a.Name, &a.Street, &a.City, &a.PostalCode, &a.Country)
	if err != nil {
		return Address{}, fmt.Errorf("orders: shipping address of customer %d: %w", customerID, err)
	}
	return a, nil
}

func (s *Store) insert(ctx context.Context, tx *sql.Tx, o *Order) error {
	err := tx.QueryRowContext(ctx, `
		INSERT INTO orders (customer_id, status, total_cents, currency,
		                    ship_name, ship_street, ship_city, ship_postal_code, ship_country)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		RETURNING id, created_at`,
		o.CustomerID, o.Status, o.TotalCents, o.Currency,
		o.ShipTo.Name, o.ShipTo.Street, o.ShipTo.City, o.ShipTo.PostalCode, o.ShipTo.Country,
	).Scan(&o.ID, &o.CreatedAt)
	if err != nil {
		return fmt.Errorf("orders: insert order: %w", err)
	}
	for i := range o.Items {
		it := &o.Items[i]
		it.OrderID = o.ID
		err := tx.QueryRowContext(ctx, `
			INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
			VALUES ($1, $2, $3, $4)
			RETURNING id`,
			it.OrderID, it.ProductID, it.Quantity, it.UnitPriceCents).Scan(&it.ID)
		if err != nil {
			return fmt.Errorf("orders: insert item for product %d: %w", it.ProductID, err)
		}
	}
	return nil
}

func (s *Store) touchCustomer(ctx context.Context, tx *sql.Tx, customerID int64, at time.Time) error {
	_, err := tx.ExecContext(ctx,
		`UPDATE customers SET last_order_at = $1, updated_at = $1 WHERE id = $2`, at, customerID)
	if err != nil {
		return fmt.Errorf("orders: update customer %d: %w", customerID, err)
	}
	return nil
}

func (s *Store) setStatus(ctx context.Context, tx *sql.Tx, id int64, status Status) error {
	res, err := tx.ExecContext(ctx,
		`UPDATE orders SET status = $1, updated_at = now() WHERE id = $2`, status, id)
	if err != nil {
		return fmt.Errorf("orders: set status of %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return ErrNotFound
	}
	return nil
}

func scanOrder(sc interface{ Scan(...any) error }) (*Order, error) {
	var o Order
	err := sc.Scan(&o.ID, &o.CustomerID, &o.Status, &o.TotalCents, &o.Currency,
		&o.ShipTo.Name, &o.ShipTo.Street, &o.ShipTo.City, &o.ShipTo.PostalCode, &o.ShipTo.Country,
		&o.CreatedAt)
	if err != nil {
		return nil, err
	}
	return &o, nil
}
