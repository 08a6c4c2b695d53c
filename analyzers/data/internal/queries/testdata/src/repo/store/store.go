// Package store is a repository in the style of the demo code base: a
// query helper wraps database/sql and every caller's string is a query.
package store

import (
	"context"
	"database/sql"
	"fmt"
)

const orderColumns = "id, customer_id, status"

const ordersTable = "orders"

var baseSelect = "SELECT " + orderColumns + " FROM " + ordersTable

// Repo reads and writes orders.
type Repo struct{ db *sql.DB }

func (r *Repo) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) { // want query:"sql wrapper of database/sql.DB.QueryContext"
	return r.db.QueryContext(ctx, q, args...)
}

// Exec runs a statement; other packages call it.
func (r *Repo) Exec(ctx context.Context, q string, args ...any) error { // want Exec:"sql wrapper of database/sql.DB.ExecContext"
	_, err := r.db.ExecContext(ctx, "/* repo */ "+q, args...)
	return err
}

// execTwice goes through another wrapper.
func (r *Repo) execTwice(ctx context.Context, stmt string) error { // want execTwice:"sql wrapper of database/sql.DB.ExecContext"
	if err := r.Exec(ctx, stmt); err != nil {
		return err
	}
	return r.Exec(ctx, stmt)
}

func (r *Repo) Get(ctx context.Context, id int64) error {
	rows, err := r.query(ctx, `SELECT id, status FROM orders WHERE id = $1`, id)
	if err != nil {
		return err
	}
	return rows.Close()
}

func (r *Repo) All(ctx context.Context) error {
	_, err := r.query(ctx, baseSelect)
	return err
}

func (r *Repo) Search(ctx context.Context, status string, limit int) error {
	q := "SELECT * FROM orders"
	if status != "" {
		q += " WHERE status = $1"
	}
	_, err := r.query(ctx, q, status)
	return err
}

// ByTable formats a query with its caller's table: its callers' calls
// are the sites, with their tables.
func (r *Repo) ByTable(ctx context.Context, table string) error { // want ByTable:`sql wrapper of database/sql.DB.QueryContext: SELECT id FROM \{1\}`
	q := fmt.Sprintf("SELECT %s FROM %s WHERE id = %d", orderColumns, ordersTable, 42)
	_, err := r.db.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	_, err = r.db.QueryContext(ctx, fmt.Sprintf("SELECT id FROM %s", table))
	return err
}

func (r *Repo) Purge(ctx context.Context) error {
	return r.execTwice(ctx, "DELETE FROM order_items")
}

func (r *Repo) Tx(ctx context.Context) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, "UPDATE orders SET status = $1 WHERE id = $2")
	if err != nil {
		return err
	}
	defer stmt.Close()
	var q string
	q = "INSERT INTO audit_log (msg) VALUES ($1)"
	_, err = tx.ExecContext(ctx, q, "x")
	return err
}

func (r *Repo) Reassigned(ctx context.Context, admin bool) error {
	q := "SELECT id FROM orders"
	if admin {
		q = "SELECT id FROM admin_orders"
	}
	_, err := r.db.QueryContext(ctx, q)
	return err
}

func notSQL(m map[string]string) string { return m["Query"] }

// Archive names its table through the helper.
func (r *Repo) Archive(ctx context.Context) error {
	return r.ByTable(ctx, "archived_orders")
}

// deleteAll deletes every row of a table it quotes, and truncate of one
// it does not know: a name built from a variable is no table.
func (r *Repo) deleteAll(ctx context.Context, table string) error { // want deleteAll:`sql wrapper of database/sql.DB.ExecContext: DELETE FROM .\{1\}.$`
	_, err := r.db.ExecContext(ctx, `DELETE FROM "`+table+`"`)
	return err
}

func (r *Repo) Reset(ctx context.Context, tables []string) error {
	for _, t := range tables {
		if err := r.deleteAll(ctx, t); err != nil {
			return err
		}
	}
	return r.deleteAll(ctx, "sessions")
}

// createTable returns the statement for its caller's table.
func createTable(name string) string {
	q := `CREATE TABLE %s (id INT, version BIGINT)`
	return fmt.Sprintf(q, name)
}

// Bootstrap creates its bookkeeping table through the statement builder.
func (r *Repo) Bootstrap(ctx context.Context) error {
	_, err := r.db.ExecContext(ctx, createTable("goose_db_version"))
	return err
}

// Sequential reuses one variable for two queries: each call runs the one
// assigned last before it.
func (r *Repo) Sequential(ctx context.Context) error {
	q := "UPDATE orders SET seen = true WHERE id = 1"
	if _, err := r.db.ExecContext(ctx, q); err != nil {
		return err
	}
	q = "DELETE FROM carts WHERE id = 2"
	_, err := r.db.ExecContext(ctx, q)
	return err
}
