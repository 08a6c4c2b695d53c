// Package store keeps orders and customers in PostgreSQL.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"example.com/databasesql/internal/platform/db"
)

const ordersTable = "orders"

const listOpenSQL = `SELECT o.id, o.total, c.email
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'open'`

// Cache is a key-value cache; its Get is no query.
type Cache interface {
	Get(ctx context.Context, key string) (string, error)
}

// Order is one order.
type Order struct {
	ID, Total int64
	Email     string
}

// Store reads and writes orders.
type Store struct {
	db    *sql.DB
	exec  *db.DB
	cache Cache
}

// New returns a store.
func New(conn *sql.DB, exec *db.DB) *Store { return &Store{db: conn, exec: exec} }

// Open lists the open orders of a customer.
func (s *Store) Open(ctx context.Context, customer int64) ([]Order, error) {
	if s.cache != nil {
		if _, err := s.cache.Get(ctx, fmt.Sprintf("orders:%d", customer)); err == nil {
			return nil, nil
		}
	}
	rows, err := s.db.QueryContext(ctx, listOpenSQL)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.Total, &o.Email); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Get returns one order.
func (s *Store) Get(ctx context.Context, id int64) (Order, error) {
	var o Order
	err := s.db.QueryRowContext(ctx, "SELECT id, total FROM orders WHERE id = $1", id).Scan(&o.ID, &o.Total)
	return o, err
}

// Search lists a customer's orders, the open ones only if asked.
func (s *Store) Search(ctx context.Context, customer int64, onlyOpen bool) (*sql.Rows, error) {
	q := "SELECT id, total FROM orders WHERE customer_id = $1"
	if onlyOpen {
		q += " AND status = 'open'"
	}
	return s.db.QueryContext(ctx, q, customer)
}

// CountSince counts the orders placed since t.
func (s *Store) CountSince(ctx context.Context, t time.Time) (int, error) {
	var n int
	q := fmt.Sprintf("SELECT count(*) FROM %s WHERE created_at > $1", ordersTable)
	err := s.db.QueryRowContext(ctx, q, t).Scan(&n)
	return n, err
}

// Count counts the rows of any table: the table is not known statically.
func (s *Store) Count(ctx context.Context, table string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM %s", table)).Scan(&n)
	return n, err
}

// Checkout turns a cart into an order, in one transaction.
func (s *Store) Checkout(ctx context.Context, customer, cart int64) (int64, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer func() { _ = tx.Rollback() }()
	var number int64
	if err := tx.QueryRowContext(ctx, "SELECT nextval('order_numbers')").Scan(&number); err != nil {
		return 0, err
	}
	var id int64
	err = tx.QueryRowContext(ctx,
		`INSERT INTO orders (customer_id, status, total) VALUES ($1, 'open', 0) RETURNING id`, customer).Scan(&id)
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO order_lines (order_id, sku, qty)
		SELECT $1, ci.sku, ci.qty FROM cart_items ci WHERE ci.cart_id = $2`, id, cart); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM cart_items WHERE cart_id = $1", cart); err != nil {
		return 0, err
	}
	return id, tx.Commit()
}

// TopCustomers ranks customers by what they spent. totals is a CTE, no table.
func (s *Store) TopCustomers(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `WITH totals AS (
		SELECT customer_id, sum(total) AS spent FROM orders GROUP BY customer_id
	)
	SELECT c.email, t.spent
	FROM customers c JOIN totals t ON t.customer_id = c.id
	ORDER BY t.spent DESC LIMIT 10`)
}

// Archive archives the orders of deleted customers.
func (s *Store) Archive(ctx context.Context) error {
	_, err := s.exec.Exec(ctx, `UPDATE orders o SET archived = true
		FROM customers c WHERE c.id = o.customer_id AND c.deleted_at IS NOT NULL`)
	return err
}

// Forget deletes the sessions of deleted customers.
func (s *Store) Forget(ctx context.Context) error {
	_, err := s.exec.Exec(ctx, `DELETE FROM sessions s USING customers c
		WHERE s.customer_id = c.id AND c.deleted_at IS NOT NULL`)
	return err
}

// Subscribe records a newsletter subscription, once per address.
func (s *Store) Subscribe(ctx context.Context, email string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO newsletter_subscribers (email) VALUES ($1)
		ON CONFLICT (email) DO UPDATE SET subscribed_at = now()`, email)
	return err
}

// Audience lists every address the shop may write to.
func (s *Store) Audience(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT email FROM customers WHERE deleted_at IS NULL
		UNION SELECT email FROM newsletter_subscribers`)
}

// Products lists the products of an order.
func (s *Store) Products(ctx context.Context, order int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT p.id, p.name FROM products p
		WHERE p.id IN (SELECT ol.sku FROM order_lines ol WHERE ol.order_id = $1)`, order)
}

// Daily counts orders per day; generate_series is a function, not a table.
func (s *Store) Daily(ctx context.Context, from, to time.Time) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT d::date, count(o.id)
		FROM generate_series($1::date, $2::date, interval '1 day') AS d
		LEFT JOIN orders o ON o.created_at::date = d::date
		GROUP BY d ORDER BY d`, from, to)
}

// Invoices reads the billing schema's invoices of an order.
func (s *Store) Invoices(ctx context.Context, order int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT number, amount FROM billing.invoices WHERE order_id = $1", order)
}

// Notes reads a table whose name was created quoted, in mixed case.
func (s *Store) Notes(ctx context.Context, order int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT "Body" FROM "OrderNotes" WHERE "OrderID" = $1`, order)
}

// SetStatus updates an order's status with a prepared statement.
func (s *Store) SetStatus(ctx context.Context, id int64, status string) error {
	stmt, err := s.db.PrepareContext(ctx, "UPDATE orders SET status = $1 WHERE id = $2")
	if err != nil {
		return err
	}
	defer stmt.Close()
	_, err = stmt.ExecContext(ctx, status, id)
	return err
}

// ClearCarts empties every cart.
func (s *Store) ClearCarts(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "TRUNCATE cart_items")
	return err
}

// Columns lists the columns of the orders table, from the catalogue:
// information_schema is the database's, not a table of the application.
func (s *Store) Columns(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, `SELECT column_name, data_type FROM information_schema.columns
		WHERE table_name = $1 ORDER BY ordinal_position`, ordersTable)
}

// Lock takes the checkout lock for a customer; it names no table.
func (s *Store) Lock(ctx context.Context, customer int64) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", customer)
	return err
}
